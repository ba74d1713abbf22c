-- parameters: period_from, period_to, zone, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT h.i, h.weekday, h.hour, COUNT(*)
FROM (
  SELECT p.i AS i, (CAST(EXTRACT(ISODOW FROM m."timestamp" AT TIME ZONE CAST($3 AS text)) AS integer) - 1) AS weekday,
    CAST(EXTRACT(HOUR FROM m."timestamp" AT TIME ZONE CAST($3 AS text)) AS integer) AS hour
  FROM "helpline"."messages" m CROSS JOIN periods p
  WHERE m."direction" = 'inbound' AND m."timestamp" >= CAST($4 AS timestamptz) AND m."timestamp" < CAST($5 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
) h
GROUP BY h.i, h.weekday, h.hour
