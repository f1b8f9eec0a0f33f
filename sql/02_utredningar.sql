-- Insyn as SQL, step 2: the four-month rule for investigations (SoL 11 kap 2 §, from 2025-07-01
-- SoL (2025:400) 20 kap 3 §). Needs 01_godkanda.sql.

-- Extensions per investigation: the earliest decision (the one that can count, if any can) and the
-- latest forlangd_till, from the förlängningar file and from extension columns on the rows.
CREATE OR REPLACE VIEW utredning_forlangning AS
SELECT nyckel, MIN(beslutsdatum) AS forsta_beslut, MAX(forlangd_till) AS forlangd_till
FROM (
  SELECT nyckel, beslutsdatum, forlangd_till FROM forlangningar_godkanda
  UNION ALL
  SELECT nyckel, forlangning_beslutsdatum, forlangd_till FROM utredningar_godkanda
  WHERE forlangning_beslutsdatum IS NOT NULL OR forlangd_till IS NOT NULL
) e
GROUP BY nyckel;

-- One row per investigation with its status at the as-of date:
--   'i tid'     finished on or before the deadline
--   'förlängd'  not finished by the deadline, an extension decided on or before it
--   'sen'       not finished by the deadline, no extension decided on or before it
--   'pågående'  open and the deadline not passed (open on the deadline day itself is pågående)
CREATE OR REPLACE VIEW utredning_klassning AS
WITH f AS (
  SELECT u.utredning_id, u.nyckel, u.startdatum, u.avslutsdatum, u.enhet, u.kon,
         -- lag (1930:173) 1 §: + 4 calendar months, the day clamped to the month's last day
         -- (2025-10-31 + 4 months = 2026-02-28). DuckDB, Spark 3.0+ and Trino clamp alike; Spark 2.4
         -- moved a month's last day to the target month's last day (2025-02-28 → 2025-06-30, wrong
         -- here). DuckDB returns a TIMESTAMP, Spark and Trino a DATE: the CAST makes all three DATE.
         CAST(u.startdatum + INTERVAL '4' MONTH AS DATE) AS frist,
         e.forsta_beslut AS forsta_forlangning,
         e.forlangd_till,
         p.uttagsdatum
  FROM utredningar_godkanda u
  CROSS JOIN uttag p
  LEFT JOIN utredning_forlangning e ON e.nyckel = u.nyckel
), s AS (
  SELECT f.*,
         CASE WHEN avslutsdatum IS NOT NULL AND avslutsdatum <= frist THEN 'i tid'
              WHEN avslutsdatum IS NULL AND uttagsdatum <= frist THEN 'pågående'
              WHEN forsta_forlangning <= frist THEN 'förlängd'
              ELSE 'sen' END AS status
  FROM f
)
SELECT utredning_id, nyckel, startdatum, avslutsdatum, enhet, kon, frist, forsta_forlangning, forlangd_till,
       EXTRACT(YEAR FROM startdatum) * 12 + EXTRACT(MONTH FROM startdatum) - 1 AS manad_index,
       status,
       -- Of the förlängda: also past forlangd_till (finished after it, or open at an as-of date after it).
       status = 'förlängd' AND forlangd_till IS NOT NULL
         AND COALESCE(avslutsdatum, uttagsdatum) > forlangd_till AS passerat_forlangd_till
FROM s;

-- Every month from the first to the last start month (months without a start count zero).
CREATE OR REPLACE VIEW utredningar_manader AS
SELECT manad FROM manadsserie WHERE datamangd = 'utredningar';

-- The nämnd's table per start month (utredningar_manad.csv): the KPI is sen / inledda; a month with
-- any pågående is preliminary; beside it the same month a year earlier (NULL outside the data).
CREATE OR REPLACE VIEW utredningar_manad AS
WITH valda AS (
  SELECT k.* FROM utredning_klassning k
  WHERE NOT EXISTS (SELECT 1 FROM valda_enheter) OR k.enhet IN (SELECT enhet FROM valda_enheter)
), antal AS (
  SELECT manad_index,
         COUNT(*) AS inledda,
         SUM(CASE WHEN status = 'i tid' THEN 1 ELSE 0 END) AS i_tid,
         SUM(CASE WHEN status = 'förlängd' THEN 1 ELSE 0 END) AS forlangd,
         SUM(CASE WHEN status = 'sen' THEN 1 ELSE 0 END) AS sen,
         SUM(CASE WHEN status = 'pågående' THEN 1 ELSE 0 END) AS pagaende,
         SUM(CASE WHEN passerat_forlangd_till THEN 1 ELSE 0 END) AS forlangd_passerat_forlangd_till
  FROM valda GROUP BY manad_index
), m AS (
  SELECT s.manad,
         EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1 AS manad_index,
         COALESCE(a.inledda, 0) AS inledda,
         COALESCE(a.i_tid, 0) AS i_tid,
         COALESCE(a.forlangd, 0) AS forlangd,
         COALESCE(a.sen, 0) AS sen,
         COALESCE(a.pagaende, 0) AS pagaende,
         COALESCE(a.forlangd_passerat_forlangd_till, 0) AS forlangd_passerat_forlangd_till,
         CASE WHEN COALESCE(a.inledda, 0) > 0 THEN CAST(a.sen AS DOUBLE) / a.inledda END AS andel_sen
  FROM utredningar_manader s
  LEFT JOIN antal a ON a.manad_index = EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1
)
SELECT m.manad, m.manad_index, m.inledda, m.i_tid, m.forlangd, m.sen, m.pagaende,
       m.andel_sen,
       m.pagaende > 0 AS preliminar,
       f.inledda AS inledda_foregaende_ar,
       f.sen AS sen_foregaende_ar,
       f.andel_sen AS andel_sen_foregaende_ar,
       f.pagaende > 0 AS preliminar_foregaende_ar,
       -- No change while either month is preliminary: pending cases still move its share (issue 14).
       CASE WHEN m.pagaende > 0 OR f.pagaende > 0 THEN NULL
            ELSE (m.andel_sen - f.andel_sen) * 100 END AS forandring_procentenheter,
       m.forlangd_passerat_forlangd_till
FROM m LEFT JOIN m f ON f.manad_index = m.manad_index - 12;

-- The same calendar months (period_fran–period_till, e.g. January–June) for every year, with both
-- averages: the mean of the monthly shares (the nämnd's way) and the pooled share. A span that wraps
-- the year end is labelled by the year it starts in; only months with any start count.
CREATE OR REPLACE VIEW utredningar_period AS
WITH m AS (
  SELECT u.manad, u.inledda, u.sen, u.preliminar,
         (EXTRACT(MONTH FROM u.manad) - p.period_fran + 12) % 12 AS forskjutning,
         (p.period_till - p.period_fran + 12) % 12 + 1 AS langd
  FROM utredningar_manad u CROSS JOIN uttag p
), i AS (
  SELECT m.*, EXTRACT(YEAR FROM CAST(manad - INTERVAL '1' MONTH * forskjutning AS DATE)) AS ar
  FROM m WHERE forskjutning < langd
)
SELECT ar,
       SUM(CASE WHEN inledda > 0 THEN 1 ELSE 0 END) AS manader_med_data,
       MAX(langd) AS manader_i_perioden,
       SUM(inledda) AS antal,
       SUM(sen) AS sena,
       AVG(CASE WHEN inledda > 0 THEN CAST(sen AS DOUBLE) / inledda END) AS medel_av_manadsandelar,
       CASE WHEN SUM(inledda) > 0 THEN CAST(SUM(sen) AS DOUBLE) / SUM(inledda) END AS sammanvagd_andel,
       SUM(CASE WHEN preliminar THEN 1 ELSE 0 END) > 0 AS preliminar
FROM i
GROUP BY ar
HAVING SUM(CASE WHEN inledda > 0 THEN 1 ELSE 0 END) > 0;
