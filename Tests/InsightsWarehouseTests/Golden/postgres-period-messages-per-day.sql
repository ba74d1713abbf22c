-- parameters: period_from, period_to, zone, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT d.i, d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
FROM (
  SELECT p.i AS i, (CAST(m."timestamp" AT TIME ZONE CAST($3 AS text) AS date) - DATE '1970-01-01') AS day,
    CASE WHEN m."direction" = 'inbound' THEN 1 ELSE 0 END AS inbound, m."contact_id" AS contact
  FROM "helpline"."messages" m CROSS JOIN periods p WHERE m."timestamp" >= CAST($4 AS timestamptz) AND m."timestamp" < CAST($5 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
) d
GROUP BY d.i, d.day ORDER BY d.i, d.day
