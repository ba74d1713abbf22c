SELECT m.journey_id, m.duration
FROM (
  SELECT d.journey_id, d.duration, ROW_NUMBER() OVER (PARTITION BY d.journey_id ORDER BY d.duration) AS nth,
    COUNT(*) OVER (PARTITION BY d.journey_id) AS total
  FROM (
    SELECT r.`journey_id` AS journey_id, UNIX_MICROS(r.`ended_at`) - UNIX_MICROS(r.`started_at`) AS duration
    FROM `project.helpline.journey_runs` r
    WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`ended_at` < @to AND r.`outcome` IN ('completed')
  ) d
) m
WHERE m.nth BETWEEN DIV((m.total + 1), (2)) AND DIV((m.total), (2)) + 1
ORDER BY m.journey_id, m.duration
