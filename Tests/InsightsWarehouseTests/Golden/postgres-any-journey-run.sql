SELECT COUNT(*) FROM (SELECT 1 AS one FROM "helpline"."journey_runs" r LIMIT 1) x
