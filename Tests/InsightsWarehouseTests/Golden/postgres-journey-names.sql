-- parameters: from, to
SELECT n.journey_id, n.journey_name
FROM (
  SELECT r."journey_id" AS journey_id, r."journey_name" AS journey_name,
    ROW_NUMBER() OVER (
      PARTITION BY r."journey_id" ORDER BY r."started_at" DESC, r."run_id" COLLATE "C" DESC
    ) AS newest
  FROM "helpline"."journey_runs" r
  WHERE r."journey_name" IS NOT NULL AND r."journey_name" <> ''
    AND r."journey_id" IN (SELECT p."journey_id" FROM "helpline"."journey_runs" p WHERE p."started_at" >= CAST($1 AS timestamptz) AND p."started_at" < CAST($2 AS timestamptz))
) n
WHERE n.newest = 1
