-- parameters: from, to
SELECT m.journey_id, m.duration
FROM (
  SELECT d.journey_id, d.duration, ROW_NUMBER() OVER (PARTITION BY d.journey_id ORDER BY d.duration) AS nth,
    COUNT(*) OVER (PARTITION BY d.journey_id) AS total
  FROM (
    SELECT r."journey_id" AS journey_id, CAST(EXTRACT(EPOCH FROM r."ended_at") * 1000000 AS bigint) - CAST(EXTRACT(EPOCH FROM r."started_at") * 1000000 AS bigint) AS duration
    FROM "helpline"."journey_runs" r
    WHERE r."started_at" >= CAST($1 AS timestamptz) AND r."started_at" < CAST($2 AS timestamptz) AND r."ended_at" < CAST($2 AS timestamptz) AND r."outcome" IN ('completed')
  ) d
) m
WHERE m.nth BETWEEN ((m.total + 1) / (2)) AND ((m.total) / (2)) + 1
ORDER BY m.journey_id, m.duration
