-- parameters: period_from, period_to, zone, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT n.i, n.day, COUNT(*)
FROM (
  SELECT p.i AS i, (CAST(f.first_at AT TIME ZONE CAST($3 AS text) AS date) - DATE '1970-01-01') AS day
  FROM (
    SELECT m."contact_id" AS contact, MIN(m."timestamp") AS first_at
    FROM "helpline"."messages" m WHERE m."direction" = 'inbound' GROUP BY m."contact_id"
  ) f CROSS JOIN periods p
  WHERE f.first_at >= CAST($4 AS timestamptz) AND f.first_at < CAST($5 AS timestamptz) AND f.first_at >= p.lo AND f.first_at < p.hi
) n
GROUP BY n.i, n.day
