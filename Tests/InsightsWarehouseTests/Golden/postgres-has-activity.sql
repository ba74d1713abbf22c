-- parameters: from, to
SELECT CASE WHEN EXISTS (SELECT 1 FROM "helpline"."messages" t WHERE t."timestamp" >= CAST($1 AS timestamptz) AND t."timestamp" < CAST($2 AS timestamptz))
  OR EXISTS (SELECT 1 FROM "helpline"."conversation_events" t WHERE t."timestamp" >= CAST($1 AS timestamptz) AND t."timestamp" < CAST($2 AS timestamptz))
  OR EXISTS (SELECT 1 FROM "helpline"."goal_events" t WHERE t."timestamp" >= CAST($1 AS timestamptz) AND t."timestamp" < CAST($2 AS timestamptz))
  OR EXISTS (SELECT 1 FROM "helpline"."journey_runs" t WHERE t."started_at" >= CAST($1 AS timestamptz) AND t."started_at" < CAST($2 AS timestamptz))
  OR EXISTS (SELECT 1 FROM "helpline"."journey_results" t WHERE t."timestamp" >= CAST($1 AS timestamptz) AND t."timestamp" < CAST($2 AS timestamptz)) THEN 1 ELSE 0 END
