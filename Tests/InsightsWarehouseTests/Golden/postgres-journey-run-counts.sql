-- parameters: to, from
SELECT r."journey_id", COUNT(*), COUNT(DISTINCT r."contact_id"),
  COUNT(CASE WHEN r."ended_at" < CAST($1 AS timestamptz) AND r."outcome" IN ('completed') THEN 1 END),
  COUNT(CASE WHEN r."ended_at" < CAST($1 AS timestamptz) AND r."outcome" IN ('expired') THEN 1 END),
  COUNT(CASE WHEN r."ended_at" < CAST($1 AS timestamptz) AND r."outcome" IN ('interrupted') THEN 1 END),
  COUNT(CASE WHEN r."outcome" NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
  COUNT(DISTINCT r."run_id")
FROM "helpline"."journey_runs" r
WHERE r."started_at" >= CAST($2 AS timestamptz) AND r."started_at" < CAST($1 AS timestamptz)
GROUP BY r."journey_id"
