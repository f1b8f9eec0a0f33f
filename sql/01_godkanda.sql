-- Insyn as SQL, step 1: the rows that count at the as-of date.
--
-- Input (created by the caller, see README.md):
--   utredningar_rad, forlangningar_rad, beslut_rad, orosanmalningar_rad
--     every canonical column of the dataset as text (NULL or '' when empty or absent from the
--     file), plus radordning BIGINT: file order, then line order (the first of two equal ids wins).
--   parametrar: one row
--     uttagsdatum DATE          as-of date; NULL = the latest event date in the files
--     kvartal_forsta_dag DATE   first day of the IVO quarter; NULL = latest quarter ended by the as-of date
--     period_fran INTEGER, period_till INTEGER   calendar months 1–12 of the period comparison (NULL = 1, 6)
--     manad_fran DATE, manad_till DATE   first days of the first and last month of the breakdowns by
--                                        insats and unit (NULL = open)
--     har_skyddsbedomning BOOLEAN   the orosanmälningar extract has a skyddsbedomning_datum column
--   valda_enheter(enhet VARCHAR): the units to count; empty = every unit
--
-- Portable subset of DuckDB, Spark SQL (3.3+) and Trino. Dates are DATE values, never timestamps.
-- Row rules follow DOMAIN.md "Severity of a problem row" and src/import/validate.ts (an exact
-- duplicate row: its id repeats; an extension repeated changes no figure and is counted as
-- rejected only in 05_avstamning.sql); dates are read
-- in ISO form (2025-01-31, optionally followed by a time); other date formats must be normalised
-- before (the app's import reads them; this SQL rejects them as invalid).

-- 0..9999, to build month spines without engine-specific series functions.
CREATE OR REPLACE VIEW siffror AS
SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9;

CREATE OR REPLACE VIEW talserie AS
SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n AS n
FROM siffror a CROSS JOIN siffror b CROSS JOIN siffror c CROSS JOIN siffror d;

-- ---------------------------------------------------------------------------------------------
-- Typed rows. A date is valid when it is YYYY-MM-DD (optionally followed by ' ' or 'T' and a
-- time), a real calendar day, year 1900–2100: TRY_CAST, then the date must print back as the
-- text (engines' casts are lenient in different ways; DuckDB reads '2025-01-3x' as 2025-01-03).
-- `*_text` keeps the trimmed text so that an invalid date (text present, date NULL) rejects the
-- row. An id that looks like a personnummer (YYMMDD-XXXX, YYYYMMDDXXXX …) is keyed by its last
-- ten digits, as the app's pseudonym is.
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW utredningar_typad AS
WITH t AS (
  SELECT radordning,
         NULLIF(TRIM(utredning_id), '') AS id,
         NULLIF(TRIM(startdatum), '') AS startdatum_text,
         NULLIF(TRIM(avslutsdatum), '') AS avslutsdatum_text,
         NULLIF(TRIM(forlangning_beslutsdatum), '') AS forlangning_beslutsdatum_text,
         NULLIF(TRIM(forlangd_till), '') AS forlangd_till_text,
         NULLIF(TRIM(enhet), '') AS enhet,
         LOWER(TRIM(kon)) AS kon,
         NULLIF(TRIM(alder), '') AS alder_text
  FROM utredningar_rad
), k AS (
  SELECT t.*,
         -- Only an id that starts with a digit can be a personnummer (spares the work on the rest).
         CASE WHEN SUBSTR(id, 1, 1) BETWEEN '0' AND '9' THEN TRANSLATE(id, '-+ ', '') END AS id_siffror,
         TRY_CAST(SUBSTR(startdatum_text, 1, 10) AS DATE) AS startdatum_kandidat,
         TRY_CAST(SUBSTR(avslutsdatum_text, 1, 10) AS DATE) AS avslutsdatum_kandidat,
         TRY_CAST(SUBSTR(forlangning_beslutsdatum_text, 1, 10) AS DATE) AS forlangning_beslutsdatum_kandidat,
         TRY_CAST(SUBSTR(forlangd_till_text, 1, 10) AS DATE) AS forlangd_till_kandidat
  FROM t
), d AS (
  SELECT k.*,
         CASE WHEN CAST(startdatum_kandidat AS VARCHAR) = SUBSTR(startdatum_text, 1, 10)
               AND (LENGTH(startdatum_text) = 10 OR SUBSTR(startdatum_text, 11, 1) IN (' ', 'T'))
               AND startdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN startdatum_kandidat END AS startdatum,
         CASE WHEN CAST(avslutsdatum_kandidat AS VARCHAR) = SUBSTR(avslutsdatum_text, 1, 10)
               AND (LENGTH(avslutsdatum_text) = 10 OR SUBSTR(avslutsdatum_text, 11, 1) IN (' ', 'T'))
               AND avslutsdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN avslutsdatum_kandidat END AS avslutsdatum,
         CASE WHEN CAST(forlangning_beslutsdatum_kandidat AS VARCHAR) = SUBSTR(forlangning_beslutsdatum_text, 1, 10)
               AND (LENGTH(forlangning_beslutsdatum_text) = 10 OR SUBSTR(forlangning_beslutsdatum_text, 11, 1) IN (' ', 'T'))
               AND forlangning_beslutsdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN forlangning_beslutsdatum_kandidat END AS forlangning_beslutsdatum,
         CASE WHEN CAST(forlangd_till_kandidat AS VARCHAR) = SUBSTR(forlangd_till_text, 1, 10)
               AND (LENGTH(forlangd_till_text) = 10 OR SUBSTR(forlangd_till_text, 11, 1) IN (' ', 'T'))
               AND forlangd_till_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN forlangd_till_kandidat END AS forlangd_till
  FROM k
)
SELECT radordning, id AS utredning_id,
       CASE WHEN TRANSLATE(id_siffror, '0123456789', '') = ''
             AND (LENGTH(id_siffror) = 10 OR (LENGTH(id_siffror) = 12 AND SUBSTR(id_siffror, 1, 2) IN ('19', '20')))
             AND (LENGTH(id) = LENGTH(id_siffror)
                  OR (LENGTH(id) = LENGTH(id_siffror) + 1 AND SUBSTR(id, LENGTH(id) - 4, 1) IN ('-', '+', ' ')))
            THEN 'personnummer:' || SUBSTR(id_siffror, LENGTH(id_siffror) - 9) ELSE id END AS nyckel,
       startdatum,
       avslutsdatum,
       forlangning_beslutsdatum,
       forlangd_till,
       COALESCE(enhet, '(ingen enhet)') AS enhet,
       CASE WHEN kon IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk') THEN 'pojke'
            WHEN kon IN ('flicka', 'flickor', 'f', 'kvinna', 'k', 'kvinnlig') THEN 'flicka'
            WHEN kon IN ('annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x') THEN 'annat'
            ELSE 'okänt' END AS kon,
       -- varning (the row counts; DOMAIN.md): kön given but not known (an empty one too, when the
       -- file has the column: it is then '', not NULL), an age that is no integer 0–20.
       COALESCE(((kon IS NOT NULL AND kon NOT IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk', 'flicka',
                  'flickor', 'f', 'kvinna', 'k', 'kvinnlig', 'annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x'))
        OR (alder_text IS NOT NULL AND (TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) IS NULL
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) NOT BETWEEN 0 AND 20
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE)
                                           <> FLOOR(TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE))))), FALSE) AS varning,
       -- avvisad: a missing required value, an invalid date, a date before the one it follows (a
       -- comparison with an empty date is NULL, hence the COALESCE)
       COALESCE((id IS NULL
        OR startdatum_text IS NULL
        OR avslutsdatum < startdatum
        OR forlangning_beslutsdatum < startdatum
        OR (startdatum_text IS NOT NULL AND startdatum IS NULL)
        OR (avslutsdatum_text IS NOT NULL AND avslutsdatum IS NULL)
        OR (forlangning_beslutsdatum_text IS NOT NULL AND forlangning_beslutsdatum IS NULL)
        OR (forlangd_till_text IS NOT NULL AND forlangd_till IS NULL)), FALSE) AS avvisad
FROM d;

CREATE OR REPLACE VIEW forlangningar_typad AS
WITH t AS (
  SELECT radordning,
         NULLIF(TRIM(utredning_id), '') AS id,
         NULLIF(TRIM(beslutsdatum), '') AS beslutsdatum_text,
         NULLIF(TRIM(forlangd_till), '') AS forlangd_till_text,
         COALESCE(TRIM(skal), '') AS skal
  FROM forlangningar_rad
), k AS (
  SELECT t.*,
         -- Only an id that starts with a digit can be a personnummer (spares the work on the rest).
         CASE WHEN SUBSTR(id, 1, 1) BETWEEN '0' AND '9' THEN TRANSLATE(id, '-+ ', '') END AS id_siffror,
         TRY_CAST(SUBSTR(beslutsdatum_text, 1, 10) AS DATE) AS beslutsdatum_kandidat,
         TRY_CAST(SUBSTR(forlangd_till_text, 1, 10) AS DATE) AS forlangd_till_kandidat
  FROM t
), d AS (
  SELECT k.*,
         CASE WHEN CAST(beslutsdatum_kandidat AS VARCHAR) = SUBSTR(beslutsdatum_text, 1, 10)
               AND (LENGTH(beslutsdatum_text) = 10 OR SUBSTR(beslutsdatum_text, 11, 1) IN (' ', 'T'))
               AND beslutsdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN beslutsdatum_kandidat END AS beslutsdatum,
         CASE WHEN CAST(forlangd_till_kandidat AS VARCHAR) = SUBSTR(forlangd_till_text, 1, 10)
               AND (LENGTH(forlangd_till_text) = 10 OR SUBSTR(forlangd_till_text, 11, 1) IN (' ', 'T'))
               AND forlangd_till_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN forlangd_till_kandidat END AS forlangd_till
  FROM k
)
SELECT radordning, id AS utredning_id,
       CASE WHEN TRANSLATE(id_siffror, '0123456789', '') = ''
             AND (LENGTH(id_siffror) = 10 OR (LENGTH(id_siffror) = 12 AND SUBSTR(id_siffror, 1, 2) IN ('19', '20')))
             AND (LENGTH(id) = LENGTH(id_siffror)
                  OR (LENGTH(id) = LENGTH(id_siffror) + 1 AND SUBSTR(id, LENGTH(id) - 4, 1) IN ('-', '+', ' ')))
            THEN 'personnummer:' || SUBSTR(id_siffror, LENGTH(id_siffror) - 9) ELSE id END AS nyckel,
       beslutsdatum,
       forlangd_till,
       skal,
       -- avvisad: a missing required value, an invalid date, a date before the one it follows (a
       -- comparison with an empty date is NULL, hence the COALESCE)
       COALESCE((id IS NULL
        OR beslutsdatum_text IS NULL
        OR forlangd_till < beslutsdatum
        OR (beslutsdatum_text IS NOT NULL AND beslutsdatum IS NULL)
        OR (forlangd_till_text IS NOT NULL AND forlangd_till IS NULL)), FALSE) AS avvisad
FROM d;

CREATE OR REPLACE VIEW beslut_typad AS
WITH t AS (
  SELECT radordning,
         NULLIF(TRIM(beslut_id), '') AS id,
         NULLIF(TRIM(beslutsdatum), '') AS beslutsdatum_text,
         NULLIF(TRIM(verkstalldatum), '') AS verkstalldatum_text,
         NULLIF(TRIM(avbrottsdatum), '') AS avbrottsdatum_text,
         NULLIF(TRIM(aterupptagen_datum), '') AS aterupptagen_datum_text,
         NULLIF(TRIM(insats), '') AS insats,
         TRIM(orsak) AS orsak,
         NULLIF(TRIM(enhet), '') AS enhet,
         LOWER(TRIM(kon)) AS kon,
         NULLIF(TRIM(alder), '') AS alder_text
  FROM beslut_rad
), k AS (
  SELECT t.*,
         -- Only an id that starts with a digit can be a personnummer (spares the work on the rest).
         CASE WHEN SUBSTR(id, 1, 1) BETWEEN '0' AND '9' THEN TRANSLATE(id, '-+ ', '') END AS id_siffror,
         TRY_CAST(SUBSTR(beslutsdatum_text, 1, 10) AS DATE) AS beslutsdatum_kandidat,
         TRY_CAST(SUBSTR(verkstalldatum_text, 1, 10) AS DATE) AS verkstalldatum_kandidat,
         TRY_CAST(SUBSTR(avbrottsdatum_text, 1, 10) AS DATE) AS avbrottsdatum_kandidat,
         TRY_CAST(SUBSTR(aterupptagen_datum_text, 1, 10) AS DATE) AS aterupptagen_datum_kandidat
  FROM t
), d AS (
  SELECT k.*,
         CASE WHEN CAST(beslutsdatum_kandidat AS VARCHAR) = SUBSTR(beslutsdatum_text, 1, 10)
               AND (LENGTH(beslutsdatum_text) = 10 OR SUBSTR(beslutsdatum_text, 11, 1) IN (' ', 'T'))
               AND beslutsdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN beslutsdatum_kandidat END AS beslutsdatum,
         CASE WHEN CAST(verkstalldatum_kandidat AS VARCHAR) = SUBSTR(verkstalldatum_text, 1, 10)
               AND (LENGTH(verkstalldatum_text) = 10 OR SUBSTR(verkstalldatum_text, 11, 1) IN (' ', 'T'))
               AND verkstalldatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN verkstalldatum_kandidat END AS verkstalldatum,
         CASE WHEN CAST(avbrottsdatum_kandidat AS VARCHAR) = SUBSTR(avbrottsdatum_text, 1, 10)
               AND (LENGTH(avbrottsdatum_text) = 10 OR SUBSTR(avbrottsdatum_text, 11, 1) IN (' ', 'T'))
               AND avbrottsdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN avbrottsdatum_kandidat END AS avbrottsdatum,
         CASE WHEN CAST(aterupptagen_datum_kandidat AS VARCHAR) = SUBSTR(aterupptagen_datum_text, 1, 10)
               AND (LENGTH(aterupptagen_datum_text) = 10 OR SUBSTR(aterupptagen_datum_text, 11, 1) IN (' ', 'T'))
               AND aterupptagen_datum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN aterupptagen_datum_kandidat END AS aterupptagen_datum
  FROM k
)
SELECT radordning, id AS beslut_id,
       CASE WHEN TRANSLATE(id_siffror, '0123456789', '') = ''
             AND (LENGTH(id_siffror) = 10 OR (LENGTH(id_siffror) = 12 AND SUBSTR(id_siffror, 1, 2) IN ('19', '20')))
             AND (LENGTH(id) = LENGTH(id_siffror)
                  OR (LENGTH(id) = LENGTH(id_siffror) + 1 AND SUBSTR(id, LENGTH(id) - 4, 1) IN ('-', '+', ' ')))
            THEN 'personnummer:' || SUBSTR(id_siffror, LENGTH(id_siffror) - 9) ELSE id END AS nyckel,
       beslutsdatum,
       verkstalldatum,
       -- An interruption dated before the execution is ignored, the row counts (varning).
       CASE WHEN avbrottsdatum < verkstalldatum THEN NULL ELSE avbrottsdatum END AS avbrottsdatum,
       aterupptagen_datum,
       insats,
       COALESCE(orsak, '') AS orsak,
       COALESCE(enhet, '(ingen enhet)') AS enhet,
       CASE WHEN kon IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk') THEN 'pojke'
            WHEN kon IN ('flicka', 'flickor', 'f', 'kvinna', 'k', 'kvinnlig') THEN 'flicka'
            WHEN kon IN ('annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x') THEN 'annat'
            ELSE 'okänt' END AS kon,
       -- varning (the row counts; DOMAIN.md): kön given but not known (an empty one too, when the
       -- file has the column: it is then '', not NULL), an age that is no integer 0–20, an interruption dated before the execution.
       COALESCE(((kon IS NOT NULL AND kon NOT IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk', 'flicka',
                  'flickor', 'f', 'kvinna', 'k', 'kvinnlig', 'annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x'))
        OR (alder_text IS NOT NULL AND (TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) IS NULL
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) NOT BETWEEN 0 AND 20
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE)
                                           <> FLOOR(TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE))))
        OR avbrottsdatum < verkstalldatum), FALSE) AS varning,
       -- avvisad: a missing required value, an invalid date, a date before the one it follows (a
       -- comparison with an empty date is NULL, hence the COALESCE)
       COALESCE((id IS NULL
        OR beslutsdatum_text IS NULL
        OR insats IS NULL
        OR verkstalldatum < beslutsdatum
        OR avbrottsdatum < beslutsdatum
        OR aterupptagen_datum < avbrottsdatum
        OR (beslutsdatum_text IS NOT NULL AND beslutsdatum IS NULL)
        OR (verkstalldatum_text IS NOT NULL AND verkstalldatum IS NULL)
        OR (avbrottsdatum_text IS NOT NULL AND avbrottsdatum IS NULL)
        OR (aterupptagen_datum_text IS NOT NULL AND aterupptagen_datum IS NULL)), FALSE) AS avvisad
FROM d;

CREATE OR REPLACE VIEW orosanmalningar_typad AS
WITH t AS (
  SELECT radordning,
         NULLIF(TRIM(anmalan_id), '') AS id,
         NULLIF(TRIM(inkomstdatum), '') AS inkomstdatum_text,
         NULLIF(TRIM(skyddsbedomning_datum), '') AS skyddsbedomning_datum_text,
         NULLIF(TRIM(forhandsbedomning_datum), '') AS forhandsbedomning_datum_text,
         -- The outcome compared as the app compares headers: lower case, no diacritics, no
         -- spaces, '-', '_' or '.' (src/import/datasets.ts concernDecisionCode).
         TRANSLATE(LOWER(TRIM(beslut)), 'åäöàáâéèêëíìïóòôúùüû -_.', 'aaoaaaeeeeiiiooouuuu') AS beslut_norm,
         NULLIF(TRIM(orsak_forsening), '') AS orsak_forsening,
         NULLIF(TRIM(enhet), '') AS enhet,
         LOWER(TRIM(kon)) AS kon,
         NULLIF(TRIM(alder), '') AS alder_text
  FROM orosanmalningar_rad
), k AS (
  SELECT t.*,
         -- Only an id that starts with a digit can be a personnummer (spares the work on the rest).
         CASE WHEN SUBSTR(id, 1, 1) BETWEEN '0' AND '9' THEN TRANSLATE(id, '-+ ', '') END AS id_siffror,
         TRY_CAST(SUBSTR(inkomstdatum_text, 1, 10) AS DATE) AS inkomstdatum_kandidat,
         TRY_CAST(SUBSTR(skyddsbedomning_datum_text, 1, 10) AS DATE) AS skyddsbedomning_datum_kandidat,
         TRY_CAST(SUBSTR(forhandsbedomning_datum_text, 1, 10) AS DATE) AS forhandsbedomning_datum_kandidat
  FROM t
), d AS (
  SELECT k.*,
         CASE WHEN CAST(inkomstdatum_kandidat AS VARCHAR) = SUBSTR(inkomstdatum_text, 1, 10)
               AND (LENGTH(inkomstdatum_text) = 10 OR SUBSTR(inkomstdatum_text, 11, 1) IN (' ', 'T'))
               AND inkomstdatum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN inkomstdatum_kandidat END AS inkomstdatum,
         CASE WHEN CAST(skyddsbedomning_datum_kandidat AS VARCHAR) = SUBSTR(skyddsbedomning_datum_text, 1, 10)
               AND (LENGTH(skyddsbedomning_datum_text) = 10 OR SUBSTR(skyddsbedomning_datum_text, 11, 1) IN (' ', 'T'))
               AND skyddsbedomning_datum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN skyddsbedomning_datum_kandidat END AS skyddsbedomning_datum,
         CASE WHEN CAST(forhandsbedomning_datum_kandidat AS VARCHAR) = SUBSTR(forhandsbedomning_datum_text, 1, 10)
               AND (LENGTH(forhandsbedomning_datum_text) = 10 OR SUBSTR(forhandsbedomning_datum_text, 11, 1) IN (' ', 'T'))
               AND forhandsbedomning_datum_kandidat BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'
              THEN forhandsbedomning_datum_kandidat END AS forhandsbedomning_datum
  FROM k
)
SELECT radordning, id AS anmalan_id,
       CASE WHEN TRANSLATE(id_siffror, '0123456789', '') = ''
             AND (LENGTH(id_siffror) = 10 OR (LENGTH(id_siffror) = 12 AND SUBSTR(id_siffror, 1, 2) IN ('19', '20')))
             AND (LENGTH(id) = LENGTH(id_siffror)
                  OR (LENGTH(id) = LENGTH(id_siffror) + 1 AND SUBSTR(id, LENGTH(id) - 4, 1) IN ('-', '+', ' ')))
            THEN 'personnummer:' || SUBSTR(id_siffror, LENGTH(id_siffror) - 9) ELSE id END AS nyckel,
       inkomstdatum,
       -- A skyddsbedömning dated before the receipt is ignored, the row counts (varning).
       CASE WHEN skyddsbedomning_datum < inkomstdatum THEN NULL ELSE skyddsbedomning_datum END AS skyddsbedomning_datum,
       forhandsbedomning_datum,
       -- 'inleds', 'inleds ej', 'pågående utredning' or NULL (none or not recognised)
       CASE WHEN beslut_norm LIKE '%pagaende%' OR beslut_norm LIKE '%redanutredning%' OR beslut_norm LIKE '%aktuellutredning%'
              THEN 'pågående utredning'
            WHEN beslut_norm LIKE 'inledsej%' OR beslut_norm LIKE 'ejinled%' OR beslut_norm LIKE 'inteinled%'
              OR beslut_norm LIKE 'ingenutredning%' OR beslut_norm LIKE 'nej%' OR beslut_norm LIKE '%inledsej%'
              THEN 'inleds ej'
            WHEN beslut_norm IN ('inleds', 'inledd', 'utredninginleds', 'inledautredning', 'ja', 'utredninginledd')
              THEN 'inleds' END AS beslut,
       COALESCE(orsak_forsening, '(ingen orsak angiven)') AS orsak_forsening,
       COALESCE(enhet, '(ingen enhet)') AS enhet,
       CASE WHEN kon IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk') THEN 'pojke'
            WHEN kon IN ('flicka', 'flickor', 'f', 'kvinna', 'k', 'kvinnlig') THEN 'flicka'
            WHEN kon IN ('annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x') THEN 'annat'
            ELSE 'okänt' END AS kon,
       -- varning (the row counts; DOMAIN.md): kön given but not known (an empty one too, when the
       -- file has the column: it is then '', not NULL), an age that is no integer 0–20, a skyddsbedömning dated before the receipt.
       COALESCE(((kon IS NOT NULL AND kon NOT IN ('pojke', 'pojkar', 'p', 'man', 'm', 'manlig', 'pojk', 'flicka',
                  'flickor', 'f', 'kvinna', 'k', 'kvinnlig', 'annat', 'annan', 'a', 'övrigt', 'ovrigt', 'x'))
        OR (alder_text IS NOT NULL AND (TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) IS NULL
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE) NOT BETWEEN 0 AND 20
                                        OR TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE)
                                           <> FLOOR(TRY_CAST(REPLACE(alder_text, ',', '.') AS DOUBLE))))
        OR skyddsbedomning_datum < inkomstdatum), FALSE) AS varning,
       -- avvisad: a missing required value, an invalid date, a date before the one it follows (a
       -- comparison with an empty date is NULL, hence the COALESCE)
       COALESCE((id IS NULL
        OR inkomstdatum_text IS NULL
        OR forhandsbedomning_datum < inkomstdatum
        OR (inkomstdatum_text IS NOT NULL AND inkomstdatum IS NULL)
        OR (skyddsbedomning_datum_text IS NOT NULL AND skyddsbedomning_datum IS NULL)
        OR (forhandsbedomning_datum_text IS NOT NULL AND forhandsbedomning_datum IS NULL)), FALSE) AS avvisad
FROM d;

-- ---------------------------------------------------------------------------------------------
-- Duplicate ids: the first occurrence (file order, then line) of a valid row is kept.
-- Extensions have no id of their own and are never duplicates.
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW utredningar_unika AS
SELECT u.* FROM utredningar_typad u
WHERE NOT u.avvisad
  AND u.radordning IN (SELECT MIN(radordning) FROM utredningar_typad WHERE NOT avvisad GROUP BY nyckel);

CREATE OR REPLACE VIEW beslut_unika AS
SELECT b.* FROM beslut_typad b
WHERE NOT b.avvisad
  AND b.radordning IN (SELECT MIN(radordning) FROM beslut_typad WHERE NOT avvisad GROUP BY nyckel);

CREATE OR REPLACE VIEW orosanmalningar_unika AS
SELECT o.* FROM orosanmalningar_typad o
WHERE NOT o.avvisad
  AND o.radordning IN (SELECT MIN(radordning) FROM orosanmalningar_typad WHERE NOT avvisad GROUP BY nyckel);

-- ---------------------------------------------------------------------------------------------
-- The as-of date and the IVO quarter.
-- ---------------------------------------------------------------------------------------------

-- Default as-of date: the last day of ordinary activity (src/kpi/asOf.ts defaultAsOf). It is the
-- last event day (not planned dates such as forlangd_till), unless the events after some day D are a
-- handful – at most 0.1 % of all events, at least one, in an extract of 10 events or more – and
-- follow D after a quiet spell of at least 14 days, at least three times the longest gap between
-- event days in the year before, and long enough for that year's pace to have produced 10 events.
-- Then D (the earliest such) is the as-of date and the later dates count as mistyped. Gaps are
-- counted without leap days, as 29 February were the 28th.
CREATE OR REPLACE VIEW standard_uttagsdatum AS
WITH handelser AS (
  SELECT d FROM (
    SELECT startdatum AS d FROM utredningar_unika
    UNION ALL SELECT avslutsdatum FROM utredningar_unika
    UNION ALL SELECT forlangning_beslutsdatum FROM utredningar_unika
    UNION ALL SELECT beslutsdatum FROM forlangningar_typad WHERE NOT avvisad
    UNION ALL SELECT beslutsdatum FROM beslut_unika
    UNION ALL SELECT verkstalldatum FROM beslut_unika
    UNION ALL SELECT avbrottsdatum FROM beslut_unika
    UNION ALL SELECT aterupptagen_datum FROM beslut_unika
    UNION ALL SELECT inkomstdatum FROM orosanmalningar_unika
    UNION ALL SELECT skyddsbedomning_datum FROM orosanmalningar_unika
    UNION ALL SELECT forhandsbedomning_datum FROM orosanmalningar_unika
  ) x
  WHERE d IS NOT NULL
), dagar AS (
  SELECT d, COUNT(*) AS antal,
         EXTRACT(YEAR FROM d) * 365
           + CASE EXTRACT(MONTH FROM d) WHEN 1 THEN 0 WHEN 2 THEN 31 WHEN 3 THEN 59 WHEN 4 THEN 90
                 WHEN 5 THEN 120 WHEN 6 THEN 151 WHEN 7 THEN 181 WHEN 8 THEN 212 WHEN 9 THEN 243
                 WHEN 10 THEN 273 WHEN 11 THEN 304 ELSE 334 END
           + LEAST(EXTRACT(DAY FROM d), CASE WHEN EXTRACT(MONTH FROM d) = 2 THEN 28 ELSE 31 END) - 1 AS plan
  FROM handelser GROUP BY d
), s AS (
  SELECT d, antal, plan,
         SUM(antal) OVER (ORDER BY d ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) - antal AS senare,
         LAG(plan) OVER (ORDER BY d) AS forra_plan,
         LEAD(plan) OVER (ORDER BY d) AS nasta_plan
  FROM dagar
), g AS (
  SELECT SUM(antal) AS totalt, MAX(d) AS sista,
         GREATEST(1, FLOOR(SUM(antal) * CAST(0.001 AS DOUBLE))) AS handfull
  FROM s
), f AS (
  -- The earliest day followed by at most a handful of events.
  SELECT MIN(s.d) AS forsta FROM s CROSS JOIN g WHERE s.senare <= g.handfull
), ar AS (
  -- The year up to that day: its longest gap between event days and its events per day.
  SELECT MAX(CASE WHEN fp.plan - s.forra_plan < 365 THEN s.plan - s.forra_plan ELSE 0 END) AS langsta_glapp,
         SUM(s.antal) AS antal,
         MAX(fp.plan) - MIN(s.plan) + 1 AS langd
  FROM s CROSS JOIN f JOIN s fp ON fp.d = f.forsta
  WHERE s.d <= f.forsta AND fp.plan - s.plan < 365
), tyst AS (
  -- The quiet spell a stray tail must follow.
  SELECT GREATEST(14, 3 * langsta_glapp, 10 / (CAST(antal AS DOUBLE) / langd)) AS dagar FROM ar
), fore_tystnad AS (
  -- The earliest day from `forsta` on that such a quiet spell follows.
  SELECT MIN(s.d) AS d
  FROM s CROSS JOIN f CROSS JOIN tyst CROSS JOIN g
  WHERE s.d >= f.forsta AND s.d < g.sista AND s.nasta_plan - s.plan >= tyst.dagar
)
SELECT CASE WHEN g.totalt >= 10 AND t.d IS NOT NULL THEN t.d ELSE g.sista END AS uttagsdatum
FROM g CROSS JOIN fore_tystnad t;

CREATE OR REPLACE VIEW uttag AS
SELECT COALESCE(p.uttagsdatum, h.uttagsdatum) AS uttagsdatum,
       COALESCE(p.period_fran, 1) AS period_fran,
       COALESCE(p.period_till, 6) AS period_till,
       COALESCE(p.har_skyddsbedomning, TRUE) AS har_skyddsbedomning,
       p.kvartal_forsta_dag,
       p.manad_fran,
       p.manad_till
FROM parametrar p CROSS JOIN standard_uttagsdatum h;

-- The IVO quarter and the one before it: first and last day. Default: the latest quarter that has
-- ended by the as-of date (the as-of date's own quarter when it is that quarter's last day).
CREATE OR REPLACE VIEW ivo_kvartal AS
WITH q AS (
  SELECT uttagsdatum, kvartal_forsta_dag,
         CAST(date_trunc('quarter', uttagsdatum) AS DATE) AS uttagets_kvartal
  FROM uttag
), valt AS (
  SELECT uttagsdatum,
         COALESCE(kvartal_forsta_dag,
                  CASE WHEN CAST(CAST(uttagets_kvartal + INTERVAL '3' MONTH AS DATE) - INTERVAL '1' DAY AS DATE) = uttagsdatum
                       THEN uttagets_kvartal
                       ELSE CAST(uttagets_kvartal - INTERVAL '3' MONTH AS DATE) END) AS forsta_dag
  FROM q
)
SELECT 'aktuellt' AS vilket, forsta_dag,
       CAST(CAST(forsta_dag + INTERVAL '3' MONTH AS DATE) - INTERVAL '1' DAY AS DATE) AS sista_dag
FROM valt
UNION ALL
SELECT 'foregaende', CAST(forsta_dag - INTERVAL '3' MONTH AS DATE),
       CAST(forsta_dag - INTERVAL '1' DAY AS DATE)
FROM valt;

-- ---------------------------------------------------------------------------------------------
-- Accepted at the as-of date: a row with an event date after it counts nowhere (avvisad).
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE VIEW utredningar_godkanda AS
SELECT u.* FROM utredningar_unika u CROSS JOIN uttag p
WHERE u.startdatum <= p.uttagsdatum
  AND (u.avslutsdatum IS NULL OR u.avslutsdatum <= p.uttagsdatum)
  AND (u.forlangning_beslutsdatum IS NULL OR u.forlangning_beslutsdatum <= p.uttagsdatum);

CREATE OR REPLACE VIEW forlangningar_godkanda AS
SELECT f.* FROM forlangningar_typad f CROSS JOIN uttag p
WHERE NOT f.avvisad AND f.beslutsdatum <= p.uttagsdatum;

CREATE OR REPLACE VIEW beslut_godkanda AS
SELECT b.* FROM beslut_unika b CROSS JOIN uttag p
WHERE b.beslutsdatum <= p.uttagsdatum
  AND (b.verkstalldatum IS NULL OR b.verkstalldatum <= p.uttagsdatum)
  AND (b.avbrottsdatum IS NULL OR b.avbrottsdatum <= p.uttagsdatum)
  AND (b.aterupptagen_datum IS NULL OR b.aterupptagen_datum <= p.uttagsdatum);

CREATE OR REPLACE VIEW orosanmalningar_godkanda AS
SELECT o.* FROM orosanmalningar_unika o CROSS JOIN uttag p
WHERE o.inkomstdatum <= p.uttagsdatum
  AND (o.skyddsbedomning_datum IS NULL OR o.skyddsbedomning_datum <= p.uttagsdatum)
  AND (o.forhandsbedomning_datum IS NULL OR o.forhandsbedomning_datum <= p.uttagsdatum);

-- Every month from the first to the last event month of each dataset (months without rows count
-- zero): utredningar by start, orosanmälningar by receipt, beslut by decision, all units.
CREATE OR REPLACE VIEW manadsserie AS
WITH g AS (
  SELECT 'utredningar' AS datamangd, MIN(startdatum) AS forsta, MAX(startdatum) AS sista FROM utredningar_godkanda
  UNION ALL
  SELECT 'orosanmalningar', MIN(inkomstdatum), MAX(inkomstdatum) FROM orosanmalningar_godkanda
  UNION ALL
  SELECT 'beslut', MIN(beslutsdatum), MAX(beslutsdatum) FROM beslut_godkanda
), b AS (
  SELECT datamangd,
         CAST(date_trunc('month', forsta) AS DATE) AS forsta_manad,
         (EXTRACT(YEAR FROM sista) * 12 + EXTRACT(MONTH FROM sista))
           - (EXTRACT(YEAR FROM forsta) * 12 + EXTRACT(MONTH FROM forsta)) AS antal
  FROM g WHERE forsta IS NOT NULL
)
SELECT b.datamangd, CAST(b.forsta_manad + INTERVAL '1' MONTH * t.n AS DATE) AS manad
FROM b JOIN talserie t ON t.n <= b.antal;
