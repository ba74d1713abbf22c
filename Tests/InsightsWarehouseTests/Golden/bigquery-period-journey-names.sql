WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
started AS (
  SELECT DISTINCT p.i AS i, r.`journey_id` AS journey_id
  FROM `project.helpline.journey_runs` r CROSS JOIN periods p WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`started_at` >= p.lo AND r.`started_at` < p.hi
)
SELECT n.journey_id, n.journey_name
FROM (
  SELECT r.`journey_id` AS journey_id, r.`journey_name` AS journey_name,
    ROW_NUMBER() OVER (
      PARTITION BY r.`journey_id` ORDER BY r.`started_at` DESC, r.`run_id` DESC
    ) AS newest
  FROM `project.helpline.journey_runs` r
  WHERE r.`journey_name` IS NOT NULL AND r.`journey_name` <> ''
    AND r.`journey_id` IN (SELECT s.journey_id FROM started s)
) n
WHERE n.newest = 1
