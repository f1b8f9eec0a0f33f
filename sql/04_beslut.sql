-- Insyn as SQL, step 4: the three-month rule for favourable decisions on interventions
-- (SoL 16 kap 6 f §, LSS 28 f §) and the quarterly report to IVO. Needs 01_godkanda.sql.

-- One row per decision with its status at the as-of date (executed on the deadline day is in time):
--   'verkställt i tid', 'verkställt sent', 'ej verkställt, frist passerad', 'ej verkställt, inom frist'
CREATE OR REPLACE VIEW beslut_klassning AS
WITH f AS (
  SELECT b.*, p.uttagsdatum,
         -- lag (1930:173) 1 §: + 3 calendar months, day clamped (2025-11-30 → 2026-02-28); see
         -- utredning_klassning for the engines. CAST: DuckDB returns a TIMESTAMP.
         CAST(b.beslutsdatum + INTERVAL '3' MONTH AS DATE) AS frist
  FROM beslut_godkanda b CROSS JOIN uttag p
)
SELECT beslut_id, nyckel, beslutsdatum, insats, verkstalldatum, avbrottsdatum, aterupptagen_datum, orsak,
       enhet, kon, frist,
       EXTRACT(YEAR FROM beslutsdatum) * 12 + EXTRACT(MONTH FROM beslutsdatum) - 1 AS manad_index,
       EXTRACT(YEAR FROM beslutsdatum) * 4 + EXTRACT(QUARTER FROM beslutsdatum) - 1 AS kvartal_index,
       CASE WHEN verkstalldatum IS NOT NULL AND verkstalldatum <= frist THEN 'verkställt i tid'
            WHEN verkstalldatum IS NOT NULL THEN 'verkställt sent'
            WHEN uttagsdatum > frist THEN 'ej verkställt, frist passerad'
            ELSE 'ej verkställt, inom frist' END AS status,
       -- Days from decision to execution. Spark SQL: datediff(verkstalldatum, beslutsdatum).
       date_diff('day', beslutsdatum, verkstalldatum) AS dagar_till_verkstallighet
FROM f;

-- The decisions of the chosen units.
CREATE OR REPLACE VIEW beslut_valda AS
SELECT k.* FROM beslut_klassning k
WHERE NOT EXISTS (SELECT 1 FROM valda_enheter) OR k.enhet IN (SELECT enhet FROM valda_enheter);

-- Every month from the first to the last month of decision (all units).
CREATE OR REPLACE VIEW beslut_manader AS
SELECT manad FROM manadsserie WHERE datamangd = 'beslut';

-- Per month of decision (beslut_manad.csv). andel_ej_inom_3_manader = (verkställda sent + ej
-- verkställda med passerad frist) / beslut; preliminary while any decision is not yet due.
CREATE OR REPLACE VIEW beslut_manad AS
WITH antal AS (
  SELECT manad_index,
         COUNT(*) AS beslut,
         SUM(CASE WHEN status = 'verkställt i tid' THEN 1 ELSE 0 END) AS verkstallda_i_tid,
         SUM(CASE WHEN status = 'verkställt sent' THEN 1 ELSE 0 END) AS verkstallda_sent,
         SUM(CASE WHEN status = 'ej verkställt, frist passerad' THEN 1 ELSE 0 END) AS ej_verkstallda_frist_passerad,
         SUM(CASE WHEN status = 'ej verkställt, inom frist' THEN 1 ELSE 0 END) AS ej_verkstallda_inom_frist
  FROM beslut_valda GROUP BY manad_index
), m AS (
  SELECT s.manad,
         EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1 AS manad_index,
         EXTRACT(YEAR FROM s.manad) * 4 + EXTRACT(QUARTER FROM s.manad) - 1 AS kvartal_index,
         COALESCE(a.beslut, 0) AS beslut,
         COALESCE(a.verkstallda_i_tid, 0) AS verkstallda_i_tid,
         COALESCE(a.verkstallda_sent, 0) AS verkstallda_sent,
         COALESCE(a.ej_verkstallda_frist_passerad, 0) AS ej_verkstallda_frist_passerad,
         COALESCE(a.ej_verkstallda_inom_frist, 0) AS ej_verkstallda_inom_frist
  FROM beslut_manader s
  LEFT JOIN antal a ON a.manad_index = EXTRACT(YEAR FROM s.manad) * 12 + EXTRACT(MONTH FROM s.manad) - 1
)
SELECT m.*,
       CASE WHEN beslut > 0 THEN CAST(verkstallda_sent + ej_verkstallda_frist_passerad AS DOUBLE) / beslut END
         AS andel_ej_inom_3_manader,
       ej_verkstallda_inom_frist > 0 AS preliminar
FROM m;

-- Median and 90th percentile of the days to execution per quarter of decision, interpolated
-- between closest ranks as Excel's PERCENTIL.INK: rank = p × (n − 1), value = x[floor] +
-- (x[ceil] − x[floor]) × (rank − floor). Written with window functions because Trino has no exact
-- percentile (DuckDB: quantile_cont, Spark: percentile).
CREATE OR REPLACE VIEW beslut_kvartal_percentiler AS
WITH d AS (
  SELECT kvartal_index, dagar_till_verkstallighet AS dagar,
         ROW_NUMBER() OVER (PARTITION BY kvartal_index ORDER BY dagar_till_verkstallighet) - 1 AS plats,
         COUNT(*) OVER (PARTITION BY kvartal_index) AS n
  FROM beslut_valda WHERE verkstalldatum IS NOT NULL
), r AS (
  SELECT d.*,
         CAST(0.5 AS DOUBLE) * (n - 1) AS rang50,
         CAST(0.9 AS DOUBLE) * (n - 1) AS rang90
  FROM d
), g AS (
  SELECT kvartal_index, MAX(n) AS verkstallda, MAX(rang50) AS rang50, MAX(rang90) AS rang90,
         MAX(CASE WHEN plats = FLOOR(rang50) THEN dagar END) AS lag50,
         MAX(CASE WHEN plats = CEIL(rang50) THEN dagar END) AS hog50,
         MAX(CASE WHEN plats = FLOOR(rang90) THEN dagar END) AS lag90,
         MAX(CASE WHEN plats = CEIL(rang90) THEN dagar END) AS hog90
  FROM r GROUP BY kvartal_index
)
SELECT kvartal_index, verkstallda,
       lag50 + (hog50 - lag50) * (rang50 - FLOOR(rang50)) AS median_dagar_till_verkstallighet,
       lag90 + (hog90 - lag90) * (rang90 - FLOOR(rang90)) AS p90_dagar_till_verkstallighet
FROM g;

-- Per quarter of decision (beslut_kvartal.csv), every quarter the months of decision touch.
CREATE OR REPLACE VIEW beslut_kvartal AS
WITH q AS (
  SELECT kvartal_index,
         MIN(manad) AS forsta_manad,
         SUM(beslut) AS beslut,
         SUM(verkstallda_i_tid) AS verkstallda_i_tid,
         SUM(verkstallda_sent) AS verkstallda_sent,
         SUM(ej_verkstallda_frist_passerad) AS ej_verkstallda_frist_passerad,
         SUM(ej_verkstallda_inom_frist) AS ej_verkstallda_inom_frist
  FROM beslut_manad GROUP BY kvartal_index
)
SELECT q.kvartal_index,
       EXTRACT(YEAR FROM q.forsta_manad) AS ar,
       EXTRACT(QUARTER FROM q.forsta_manad) AS kvartal_nr,
       q.beslut, q.verkstallda_i_tid, q.verkstallda_sent, q.ej_verkstallda_frist_passerad,
       q.ej_verkstallda_inom_frist,
       CASE WHEN q.beslut > 0 THEN CAST(q.verkstallda_sent + q.ej_verkstallda_frist_passerad AS DOUBLE) / q.beslut END
         AS andel_ej_inom_3_manader,
       q.ej_verkstallda_inom_frist > 0 AS preliminar,
       p.median_dagar_till_verkstallighet,
       p.p90_dagar_till_verkstallighet
FROM q LEFT JOIN beslut_kvartal_percentiler p ON p.kvartal_index = q.kvartal_index;

-- Per insats and per unit over the chosen months (beslut_insats.csv, beslut_enhet.csv): every
-- insats of the extract, and every unit (or every chosen one), also with no decision in the months;
-- nothing when the months hold no month of decision or no chosen unit is in the extract.
CREATE OR REPLACE VIEW beslut_fordelning AS
WITH f AS (
  SELECT manad_fran, manad_till FROM uttag
), i_fonstret AS (
  SELECT b.* FROM beslut_valda b CROSS JOIN f
  WHERE (f.manad_fran IS NULL OR b.beslutsdatum >= f.manad_fran)
    AND (f.manad_till IS NULL OR b.beslutsdatum < CAST(f.manad_till + INTERVAL '1' MONTH AS DATE))
), etiketter AS (
  -- The extract's insatser and units: every row that passed the row rules, as the app's dictionaries.
  SELECT DISTINCT 'insats' AS grupp, insats AS etikett FROM beslut_typad WHERE NOT avvisad
  UNION ALL
  SELECT DISTINCT 'enhet', enhet FROM beslut_typad
  WHERE NOT avvisad
    AND (NOT EXISTS (SELECT 1 FROM valda_enheter) OR enhet IN (SELECT enhet FROM valda_enheter))
), antal AS (
  SELECT 'insats' AS grupp, insats AS etikett, status FROM i_fonstret
  UNION ALL
  SELECT 'enhet', enhet, status FROM i_fonstret
), summor AS (
  SELECT grupp, etikett,
         COUNT(*) AS beslut,
         SUM(CASE WHEN status = 'verkställt i tid' THEN 1 ELSE 0 END) AS verkstallda_i_tid,
         SUM(CASE WHEN status = 'verkställt sent' THEN 1 ELSE 0 END) AS verkstallda_sent,
         SUM(CASE WHEN status = 'ej verkställt, frist passerad' THEN 1 ELSE 0 END) AS ej_verkstallda_frist_passerad,
         SUM(CASE WHEN status = 'ej verkställt, inom frist' THEN 1 ELSE 0 END) AS ej_verkstallda_inom_frist
  FROM antal GROUP BY grupp, etikett
), c AS (
  SELECT e.grupp, e.etikett,
         COALESCE(s.beslut, 0) AS beslut,
         COALESCE(s.verkstallda_i_tid, 0) AS verkstallda_i_tid,
         COALESCE(s.verkstallda_sent, 0) AS verkstallda_sent,
         COALESCE(s.ej_verkstallda_frist_passerad, 0) AS ej_verkstallda_frist_passerad,
         COALESCE(s.ej_verkstallda_inom_frist, 0) AS ej_verkstallda_inom_frist
  FROM etiketter e LEFT JOIN summor s ON s.grupp = e.grupp AND s.etikett = e.etikett
  WHERE EXISTS (
          SELECT 1 FROM beslut_manader m CROSS JOIN f
          WHERE (f.manad_fran IS NULL OR m.manad >= f.manad_fran) AND (f.manad_till IS NULL OR m.manad <= f.manad_till))
    AND (NOT EXISTS (SELECT 1 FROM valda_enheter)
         OR EXISTS (SELECT 1 FROM beslut_typad t WHERE NOT t.avvisad AND t.enhet IN (SELECT enhet FROM valda_enheter)))
)
SELECT c.*,
       CASE WHEN beslut > 0 THEN CAST(verkstallda_sent + ej_verkstallda_frist_passerad AS DOUBLE) / beslut END
         AS andel_ej_inom_3_manader,
       ej_verkstallda_inom_frist > 0 AS preliminar
FROM c;

-- ---------------------------------------------------------------------------------------------
-- The quarterly report to IVO: one entry per waiting period (from a decision to its execution, or
-- from an interruption to its resumption) that was past its three-month deadline and not over on at
-- least one day of the quarter up to the as-of date. The deadline day itself is in time; the first
-- day after it counts, also when execution happens that very day. So a late decision is listed in
-- every quarter from the one its deadline passes in up to and including the one it is executed in.
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW ivo_vantetider AS
SELECT beslut_id, nyckel, beslutsdatum, insats, orsak, kon, enhet,
       'beslut' AS typ, 0 AS typ_ordning, beslutsdatum AS start, verkstalldatum AS slut
FROM beslut_valda
UNION ALL
SELECT beslut_id, nyckel, beslutsdatum, insats, orsak, kon, enhet,
       'avbrott', 1, avbrottsdatum, aterupptagen_datum
FROM beslut_valda WHERE avbrottsdatum IS NOT NULL;

-- Entries of the chosen quarter ('aktuellt') and of the quarter before ('foregaende').
-- status 'verkställt': over during the quarter (dagar = start to the end); 'ej verkställt': still
-- waiting at the quarter's last day, or at the as-of date in a running quarter (dagar up to then).
CREATE OR REPLACE VIEW ivo_poster AS
WITH v AS (
  SELECT w.*, CAST(w.start + INTERVAL '3' MONTH AS DATE) AS frist FROM ivo_vantetider w
), k AS (
  SELECT q.vilket, q.forsta_dag, LEAST(q.sista_dag, u.uttagsdatum) AS till
  FROM ivo_kvartal q CROSS JOIN uttag u
), l AS (
  SELECT k.vilket, k.forsta_dag, k.till, v.*,
         v.slut IS NOT NULL AND v.slut <= k.till AS verkstallt
  FROM v CROSS JOIN k
  WHERE k.forsta_dag <= k.till
    AND v.frist < k.till
    AND (v.slut IS NULL OR (v.slut > v.frist AND v.slut >= k.forsta_dag))
)
SELECT vilket, forsta_dag AS kvartal_forsta_dag,
       EXTRACT(YEAR FROM forsta_dag) AS kvartal_ar, EXTRACT(QUARTER FROM forsta_dag) AS kvartal_nr,
       beslut_id, nyckel, beslutsdatum, insats, typ, typ_ordning,
       CASE WHEN typ = 'avbrott' THEN start END AS avbrottsdatum,
       start, frist,
       CASE WHEN verkstallt THEN 'verkställt' ELSE 'ej verkställt' END AS status,
       CASE WHEN verkstallt THEN slut END AS verkstalldatum,
       -- Spark SQL: datediff(CASE … END, start).
       date_diff('day', start, CASE WHEN verkstallt THEN slut ELSE till END) AS dagar,
       orsak, kon, enhet
FROM l;

-- The IVO list of the chosen quarter (ivo_<kvartal>.csv), compared with the quarter before:
-- 'ny', 'väntar fortfarande', or 'verkställt sedan förra kvartalet'.
CREATE OR REPLACE VIEW ivo_lista AS
SELECT a.kvartal_forsta_dag, a.kvartal_ar, a.kvartal_nr, a.beslut_id, a.beslutsdatum, a.insats, a.typ,
       a.avbrottsdatum, a.frist, a.status, a.verkstalldatum, a.dagar, a.orsak, a.kon, a.enhet,
       CASE WHEN f.nyckel IS NULL THEN 'ny'
            WHEN a.status = 'verkställt' THEN 'verkställt sedan förra kvartalet'
            ELSE 'väntar fortfarande' END AS jamfort_med_foregaende_kvartal,
       a.start, a.typ_ordning, a.nyckel
FROM ivo_poster a
LEFT JOIN ivo_poster f ON f.vilket = 'foregaende' AND f.typ = a.typ AND f.nyckel = a.nyckel
WHERE a.vilket = 'aktuellt';

-- The de-identified summary for the nämnd, kommunfullmäktige and the auditors
-- (ivo_<kvartal>_sammanstallning.csv): counts per insats, days waited, kön and status. Within
-- 'insats' and 'status' the larger count first, then the category in Swedish order (ordning 0).
CREATE OR REPLACE VIEW ivo_sammanstallning AS
WITH l AS (
  SELECT insats, kon,
         CASE WHEN dagar <= 180 THEN 1 WHEN dagar <= 365 THEN 2 ELSE 3 END AS dagar_ordning,
         CASE WHEN typ = 'avbrott' AND status = 'verkställt' THEN 'avbrott, återupptaget'
              WHEN typ = 'avbrott' THEN 'avbrott, ej återupptaget'
              ELSE status END AS status
  FROM ivo_lista
)
SELECT 'insats' AS grupp, 1 AS grupp_ordning, insats AS kategori, 0 AS ordning, COUNT(*) AS antal
FROM l GROUP BY insats
UNION ALL
SELECT 'dagar', 2,
       CASE dagar_ordning WHEN 1 THEN '3–6 månader (högst 180 dagar)' WHEN 2 THEN '6–12 månader (181–365 dagar)'
            ELSE 'mer än ett år (över 365 dagar)' END,
       dagar_ordning, COUNT(*)
FROM l GROUP BY dagar_ordning
UNION ALL
SELECT 'kön', 3, kon,
       CASE kon WHEN 'flicka' THEN 1 WHEN 'pojke' THEN 2 WHEN 'annat' THEN 3 ELSE 4 END, COUNT(*)
FROM l GROUP BY kon
UNION ALL
SELECT 'status', 4, status, 0, COUNT(*)
FROM l GROUP BY status;
