-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT m.i, m.journey_id, m.duration
FROM (
  SELECT d.i, d.journey_id, d.duration,
    ROW_NUMBER() OVER (PARTITION BY d.i, d.journey_id ORDER BY d.duration) AS nth,
    COUNT(*) OVER (PARTITION BY d.i, d.journey_id) AS total
  FROM (
    SELECT p.i AS i, r."journey_id" AS journey_id,
      CAST(EXTRACT(EPOCH FROM r."ended_at") * 1000000 AS bigint) - CAST(EXTRACT(EPOCH FROM r."started_at") * 1000000 AS bigint) AS duration
    FROM "helpline"."journey_runs" r CROSS JOIN periods p
    WHERE r."started_at" >= CAST($3 AS timestamptz) AND r."started_at" < CAST($4 AS timestamptz) AND r."started_at" >= p.lo AND r."started_at" < p.hi AND r."ended_at" < p.hi AND r."outcome" IN ('completed')
  ) d
) m
WHERE m.nth BETWEEN ((m.total + 1) / (2)) AND ((m.total) / (2)) + 1
ORDER BY m.i, m.journey_id, m.duration
