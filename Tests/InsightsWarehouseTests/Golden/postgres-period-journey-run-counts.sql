-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT p.i, r."journey_id", COUNT(*), COUNT(DISTINCT r."contact_id"),
  COUNT(CASE WHEN r."ended_at" < p.hi AND r."outcome" IN ('completed') THEN 1 END),
  COUNT(CASE WHEN r."ended_at" < p.hi AND r."outcome" IN ('expired') THEN 1 END),
  COUNT(CASE WHEN r."ended_at" < p.hi AND r."outcome" IN ('interrupted') THEN 1 END),
  COUNT(CASE WHEN r."outcome" NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
  COUNT(DISTINCT r."run_id")
FROM "helpline"."journey_runs" r CROSS JOIN periods p
WHERE r."started_at" >= CAST($3 AS timestamptz) AND r."started_at" < CAST($4 AS timestamptz) AND r."started_at" >= p.lo AND r."started_at" < p.hi
GROUP BY p.i, r."journey_id"
ORDER BY p.i
