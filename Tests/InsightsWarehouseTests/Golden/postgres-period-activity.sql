-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT p.i
FROM (
  SELECT t."timestamp" AS at FROM "helpline"."messages" t WHERE t."timestamp" >= CAST($3 AS timestamptz) AND t."timestamp" < CAST($4 AS timestamptz)
  UNION ALL
  SELECT t."timestamp" AS at FROM "helpline"."conversation_events" t WHERE t."timestamp" >= CAST($3 AS timestamptz) AND t."timestamp" < CAST($4 AS timestamptz)
  UNION ALL
  SELECT t."timestamp" AS at FROM "helpline"."goal_events" t WHERE t."timestamp" >= CAST($3 AS timestamptz) AND t."timestamp" < CAST($4 AS timestamptz)
  UNION ALL
  SELECT t."started_at" AS at FROM "helpline"."journey_runs" t WHERE t."started_at" >= CAST($3 AS timestamptz) AND t."started_at" < CAST($4 AS timestamptz)
  UNION ALL
  SELECT t."timestamp" AS at FROM "helpline"."journey_results" t WHERE t."timestamp" >= CAST($3 AS timestamptz) AND t."timestamp" < CAST($4 AS timestamptz)
) a CROSS JOIN periods p
WHERE a.at >= p.lo AND a.at < p.hi
GROUP BY p.i
ORDER BY p.i
