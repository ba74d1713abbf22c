-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
started AS (
  SELECT DISTINCT p.i AS i, r."journey_id" AS journey_id
  FROM "helpline"."journey_runs" r CROSS JOIN periods p WHERE r."started_at" >= CAST($3 AS timestamptz) AND r."started_at" < CAST($4 AS timestamptz) AND r."started_at" >= p.lo AND r."started_at" < p.hi
)
SELECT n.journey_id, n.journey_name
FROM (
  SELECT r."journey_id" AS journey_id, r."journey_name" AS journey_name,
    ROW_NUMBER() OVER (
      PARTITION BY r."journey_id" ORDER BY r."started_at" DESC, r."run_id" COLLATE "C" DESC
    ) AS newest
  FROM "helpline"."journey_runs" r
  WHERE r."journey_name" IS NOT NULL AND r."journey_name" <> ''
    AND r."journey_id" IN (SELECT s.journey_id FROM started s)
) n
WHERE n.newest = 1
