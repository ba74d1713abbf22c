WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT m.i, m.journey_id, m.duration
FROM (
  SELECT d.i, d.journey_id, d.duration,
    ROW_NUMBER() OVER (PARTITION BY d.i, d.journey_id ORDER BY d.duration) AS nth,
    COUNT(*) OVER (PARTITION BY d.i, d.journey_id) AS total
  FROM (
    SELECT p.i AS i, r.`journey_id` AS journey_id,
      UNIX_MICROS(r.`ended_at`) - UNIX_MICROS(r.`started_at`) AS duration
    FROM `project.helpline.journey_runs` r CROSS JOIN periods p
    WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`started_at` >= p.lo AND r.`started_at` < p.hi AND r.`ended_at` < p.hi AND r.`outcome` IN ('completed')
  ) d
) m
WHERE m.nth BETWEEN DIV((m.total + 1), (2)) AND DIV((m.total), (2)) + 1
ORDER BY m.i, m.journey_id, m.duration
