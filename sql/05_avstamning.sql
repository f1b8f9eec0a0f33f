-- Insyn as SQL, step 5: the reconciliation per file (the app's avstamning.csv): rows read =
-- accepted + rejected, and the accepted rows with a warning. A row is rejected when it is invalid
-- (01: avvisad), repeats an earlier row's id (an extension: all of an earlier row's values),
-- has an event date after the as-of date, or is an extension of an investigation in no file.
--
-- Input besides the rows: filer(fil_ordning BIGINT, olasbara BIGINT), one row per file, with
-- the rows the CSV reader could not split into the header's fields (rejected by the app too).
-- A row's file is FLOOR(radordning / 10000000000) (the DuckDB loader numbers rows so; another
-- loader must do the same or change the line marked below).

-- Extensions without copies: the first (file order, then line) of rows equal in every column.
CREATE OR REPLACE VIEW forlangningar_unika AS
SELECT f.* FROM forlangningar_typad f
WHERE NOT f.avvisad
  AND f.radordning IN (SELECT MIN(radordning) FROM forlangningar_typad WHERE NOT avvisad
                       GROUP BY nyckel, beslutsdatum, forlangd_till, skal);

CREATE OR REPLACE VIEW rad_status AS
SELECT t.radordning, g.radordning IS NOT NULL AS godkand, t.varning
FROM utredningar_typad t LEFT JOIN utredningar_godkanda g ON g.radordning = t.radordning
UNION ALL
SELECT t.radordning, g.radordning IS NOT NULL, t.varning
FROM orosanmalningar_typad t LEFT JOIN orosanmalningar_godkanda g ON g.radordning = t.radordning
UNION ALL
SELECT t.radordning, g.radordning IS NOT NULL, t.varning
FROM beslut_typad t LEFT JOIN beslut_godkanda g ON g.radordning = t.radordning
UNION ALL
-- An extension counts when it is the first of its copies, dated on or before the as-of date, and
-- its investigation is in a loaded file (with no investigation file, none is judged).
SELECT t.radordning,
       g.radordning IS NOT NULL
         AND (NOT EXISTS (SELECT 1 FROM utredningar_rad) OR g.nyckel IN (SELECT nyckel FROM utredningar_unika)),
       FALSE
FROM forlangningar_typad t
LEFT JOIN (SELECT u.radordning, u.nyckel FROM forlangningar_unika u CROSS JOIN uttag p
           WHERE u.beslutsdatum <= p.uttagsdatum) g ON g.radordning = t.radordning;

CREATE OR REPLACE VIEW avstamning AS
WITH s AS (
  SELECT CAST(FLOOR(radordning / 10000000000) AS BIGINT) AS fil_ordning, -- the loader's numbering
         COUNT(*) AS lasta,
         SUM(CASE WHEN godkand THEN 1 ELSE 0 END) AS godkanda,
         SUM(CASE WHEN godkand AND varning THEN 1 ELSE 0 END) AS med_varning
  FROM rad_status GROUP BY 1
)
SELECT f.fil_ordning,
       COALESCE(s.lasta, 0) + f.olasbara AS rader_lasta,
       COALESCE(s.godkanda, 0) AS rader_godkanda,
       COALESCE(s.lasta, 0) - COALESCE(s.godkanda, 0) + f.olasbara AS rader_avvisade,
       COALESCE(s.med_varning, 0) AS rader_med_varning
FROM filer f LEFT JOIN s ON s.fil_ordning = f.fil_ordning;
