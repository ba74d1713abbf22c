-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT d.i, COUNT(*)
FROM (
  SELECT DISTINCT p.i AS i, x."contact_id", x."journey_id", COALESCE(x."run_id", '') AS run_id,
    x."question", x."answer", x."timestamp"
  FROM "helpline"."journey_results" x CROSS JOIN periods p
  WHERE x."timestamp" >= CAST($3 AS timestamptz) AND x."timestamp" < CAST($4 AS timestamptz) AND x."timestamp" >= p.lo AND x."timestamp" < p.hi
) d
GROUP BY d.i
