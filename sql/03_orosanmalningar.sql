-- Insyn as SQL, step 3: the 14-day rule for orosanmälningar (SoL 11 kap 1 a §; SoL (2025:400)
-- 20 kap 2 §) and the skyddsbedömning. Needs 01_godkanda.sql.

-- One row per report with its status at the as-of date:
--   'pågående utredning'  about a child already under investigation: no förhandsbedömning needed,
--                         counted among the received but left out of the share
--   'i tid'               förhandsbedömning on or before day 14 (inkomstdatum + 14 days)
--   'sen'                 after day 14, or still none when the as-of date is past day 14
--   'pågående'            none yet, day 14 not passed
-- skyddsbedomning_status: due the same day or, for a late arrival, the next day; extracts carry no
-- time of day, so the next day is in time for every report. NULL when the extract has no such column.
CREATE OR REPLACE VIEW orosanmalan_klassning AS
WITH f AS (
  SELECT o.*, p.uttagsdatum, p.har_skyddsbedomning,
         -- DuckDB returns a TIMESTAMP for DATE + INTERVAL, Spark and Trino a DATE: the CAST makes all three DATE.
         CAST(o.inkomstdatum + INTERVAL '14' DAY AS DATE) AS frist,
         CAST(o.inkomstdatum + INTERVAL '1' DAY AS DATE) AS skydd_frist
  FROM orosanmalningar_godkanda o CROSS JOIN uttag p
)
SELECT anmalan_id, nyckel, inkomstdatum, skyddsbedomning_datum, forhandsbedomning_datum, beslut,
       orsak_forsening, enhet, kon, frist,
       EXTRACT(YEAR FROM inkomstdatum) * 12 + EXTRACT(MONTH FROM inkomstdatum) - 1 AS manad_index,
       CASE WHEN beslut = 'pågående utredning' THEN 'pågående utredning'
            WHEN forhandsbedomning_datum IS NOT NULL AND forhandsbedomning_datum <= frist THEN 'i tid'
            WHEN forhandsbedomning_datum IS NOT NULL THEN 'sen'
            WHEN uttagsdatum > frist THEN 'sen'
            ELSE 'pågående' END AS status,
       CASE WHEN NOT har_skyddsbedomning THEN NULL
            WHEN skyddsbedomning_datum IS NOT NULL AND skyddsbedomning_datum <= skydd_frist THEN 'i tid'
            WHEN skyddsbedomning_datum IS NOT NULL THEN 'sen'
            WHEN uttagsdatum > skydd_frist THEN 'sen'
            ELSE 'pågående' END AS skyddsbedomning_status
FROM f;

-- Every month from the first to the last month of receipt.
CREATE OR REPLACE VIEW orosanmalningar_manader AS
SELECT manad FROM manadsserie WHERE datamangd = 'orosanmalningar';

-- Per month of receipt (orosanmalningar_manad.csv): share in time = i tid / (i tid + sen + pågående);
-- a month with any pågående is preliminary; the same month a year earlier beside it.
CREATE OR REPLACE VIEW orosanmalningar_manad AS
WITH valda AS (
  SELECT k.* FROM orosanmalan_klassning k
  WHERE NOT EXISTS (SELECT 1 FROM valda_enheter) OR k.enhet IN (SELECT enhet FROM valda_enheter)
), antal AS (
  SELECT manad_index,
         COUNT(*) AS inkomna,
         SUM(CASE WHEN status = 'i tid' THEN 1 ELSE 0 END) AS inom_14_dagar,
         SUM(CASE WHEN status = 'sen' THEN 1 ELSE 0 END) AS sena,
         SUM(CASE WHEN status = 'pågående' THEN 1 ELSE 0 END) AS pagaende,
         SUM(CASE WHEN status = 'pågående utredning' THEN 1 ELSE 0 END) AS pagaende_utredning,
         SUM(CASE WHEN skyddsbedomning_status = 'i tid' THEN 1 ELSE 0 END) AS skyddsbedomning_i_tid,
         SUM(CASE WHEN skyddsbedomning_status = 'sen' THEN 1 ELSE 0 END) AS skyddsbedomning_sen,
         SUM(CASE WHEN skyddsbedomning_status = 'pågående' THEN 1 ELSE 0 END) AS skyddsbedomning_pagaende,
         SUM(CASE WHEN beslut = 'inleds' THEN 1 ELSE 0 END) AS inleds,
         SUM(CASE WHEN beslut = 'inleds ej' THEN 1 ELSE 0 END) AS inleds_ej
  FROM valda GROUP BY manad_index
), m AS (
  SELECT s.manad,
         EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1 AS manad_index,
         COALESCE(a.inkomna, 0) AS inkomna,
         COALESCE(a.inom_14_dagar, 0) AS inom_14_dagar,
         COALESCE(a.sena, 0) AS sena,
         COALESCE(a.pagaende, 0) AS pagaende,
         COALESCE(a.pagaende_utredning, 0) AS pagaende_utredning,
         COALESCE(a.skyddsbedomning_i_tid, 0) AS skyddsbedomning_i_tid,
         COALESCE(a.skyddsbedomning_sen, 0) AS skyddsbedomning_sen,
         COALESCE(a.skyddsbedomning_pagaende, 0) AS skyddsbedomning_pagaende,
         COALESCE(a.inleds, 0) AS inleds,
         COALESCE(a.inleds_ej, 0) AS inleds_ej
  FROM orosanmalningar_manader s
  LEFT JOIN antal a ON a.manad_index = EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1
), andel AS (
  SELECT m.*,
         m.inom_14_dagar + m.sena + m.pagaende AS bedomda,
         CASE WHEN m.inom_14_dagar + m.sena + m.pagaende > 0
              THEN CAST(m.inom_14_dagar AS DOUBLE) / (m.inom_14_dagar + m.sena + m.pagaende) END AS andel_inom_14_dagar
  FROM m
)
SELECT a.manad, a.manad_index, a.inkomna, a.inom_14_dagar, a.sena, a.pagaende, a.bedomda,
       a.andel_inom_14_dagar,
       a.pagaende > 0 AS preliminar,
       a.pagaende_utredning,
       f.inom_14_dagar AS inom_14_dagar_foregaende_ar,
       f.bedomda AS bedomda_foregaende_ar,
       f.andel_inom_14_dagar AS andel_inom_14_dagar_foregaende_ar,
       f.pagaende > 0 AS preliminar_foregaende_ar,
       -- No change while either month is preliminary: pending reports still move its share (issue 14).
       CASE WHEN a.pagaende > 0 OR f.pagaende > 0 THEN NULL
            ELSE (a.andel_inom_14_dagar - f.andel_inom_14_dagar) * 100 END AS forandring_procentenheter,
       a.skyddsbedomning_i_tid, a.skyddsbedomning_sen, a.skyddsbedomning_pagaende,
       CASE WHEN a.skyddsbedomning_i_tid + a.skyddsbedomning_sen + a.skyddsbedomning_pagaende > 0
            THEN CAST(a.skyddsbedomning_i_tid AS DOUBLE)
                 / (a.skyddsbedomning_i_tid + a.skyddsbedomning_sen + a.skyddsbedomning_pagaende) END
         AS andel_skyddsbedomning_i_tid,
       a.inleds, a.inleds_ej,
       CASE WHEN a.inleds + a.inleds_ej > 0 THEN CAST(a.inleds AS DOUBLE) / (a.inleds + a.inleds_ej) END AS andel_inleds
FROM andel a LEFT JOIN andel f ON f.manad_index = a.manad_index - 12;

-- Delay reasons of the late reports per year of receipt; andel = of that year's late reports.
CREATE OR REPLACE VIEW orosanmalningar_orsaker AS
WITH sena AS (
  SELECT EXTRACT(YEAR FROM inkomstdatum) AS ar, orsak_forsening AS orsak
  FROM orosanmalan_klassning
  WHERE status = 'sen'
    AND (NOT EXISTS (SELECT 1 FROM valda_enheter) OR enhet IN (SELECT enhet FROM valda_enheter))
), per_orsak AS (
  SELECT ar, orsak, COUNT(*) AS antal FROM sena GROUP BY ar, orsak
)
SELECT o.ar, o.orsak, o.antal, CAST(o.antal AS DOUBLE) / t.antal AS andel
FROM per_orsak o
JOIN (SELECT ar, SUM(antal) AS antal FROM per_orsak GROUP BY ar) t ON t.ar = o.ar;

-- The period comparison of the share assessed within 14 days (as utredningar_period).
CREATE OR REPLACE VIEW orosanmalningar_period AS
WITH m AS (
  SELECT o.manad, o.bedomda, o.inom_14_dagar, o.preliminar,
         (EXTRACT(MONTH FROM o.manad) - p.period_fran + 12) % 12 AS forskjutning,
         (p.period_till - p.period_fran + 12) % 12 + 1 AS langd
  FROM orosanmalningar_manad o CROSS JOIN uttag p
), i AS (
  SELECT m.*, EXTRACT(YEAR FROM CAST(manad - INTERVAL '1' MONTH * forskjutning AS DATE)) AS ar
  FROM m WHERE forskjutning < langd
)
SELECT ar,
       SUM(CASE WHEN bedomda > 0 THEN 1 ELSE 0 END) AS manader_med_data,
       MAX(langd) AS manader_i_perioden,
       SUM(bedomda) AS antal,
       SUM(inom_14_dagar) AS inom_14_dagar,
       AVG(CASE WHEN bedomda > 0 THEN CAST(inom_14_dagar AS DOUBLE) / bedomda END) AS medel_av_manadsandelar,
       CASE WHEN SUM(bedomda) > 0 THEN CAST(SUM(inom_14_dagar) AS DOUBLE) / SUM(bedomda) END AS sammanvagd_andel,
       SUM(CASE WHEN preliminar THEN 1 ELSE 0 END) > 0 AS preliminar
FROM i
GROUP BY ar
HAVING SUM(CASE WHEN bedomda > 0 THEN 1 ELSE 0 END) > 0;
