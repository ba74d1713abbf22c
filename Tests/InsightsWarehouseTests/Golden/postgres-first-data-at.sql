SELECT CAST(EXTRACT(EPOCH FROM MIN(x.first_at)) * 1000000 AS bigint)
FROM (
  SELECT MIN(m."timestamp") AS first_at FROM "helpline"."messages" m
  UNION ALL SELECT MIN(e."timestamp") AS first_at FROM "helpline"."conversation_events" e
  UNION ALL SELECT MIN(g."timestamp") AS first_at FROM "helpline"."goal_events" g
  UNION ALL SELECT MIN(r."started_at") AS first_at FROM "helpline"."journey_runs" r
) x
