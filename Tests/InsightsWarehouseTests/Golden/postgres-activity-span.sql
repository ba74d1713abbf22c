SELECT CAST(EXTRACT(EPOCH FROM MIN(a.oldest)) * 1000000 AS bigint), CAST(EXTRACT(EPOCH FROM MAX(a.newest)) * 1000000 AS bigint)
FROM (
  SELECT MIN(t."timestamp") AS oldest, MAX(t."timestamp") AS newest FROM "helpline"."messages" t
  UNION ALL
  SELECT MIN(t."timestamp") AS oldest, MAX(t."timestamp") AS newest FROM "helpline"."conversation_events" t
  UNION ALL
  SELECT MIN(t."timestamp") AS oldest, MAX(t."timestamp") AS newest FROM "helpline"."goal_events" t
  UNION ALL
  SELECT MIN(t."started_at") AS oldest, MAX(t."started_at") AS newest FROM "helpline"."journey_runs" t
  UNION ALL
  SELECT MIN(t."timestamp") AS oldest, MAX(t."timestamp") AS newest FROM "helpline"."journey_results" t
) a
