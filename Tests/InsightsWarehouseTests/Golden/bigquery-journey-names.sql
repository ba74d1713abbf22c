SELECT n.journey_id, n.journey_name
FROM (
  SELECT r.`journey_id` AS journey_id, r.`journey_name` AS journey_name,
    ROW_NUMBER() OVER (
      PARTITION BY r.`journey_id` ORDER BY r.`started_at` DESC, r.`run_id` DESC
    ) AS newest
  FROM `project.helpline.journey_runs` r
  WHERE r.`journey_name` IS NOT NULL AND r.`journey_name` <> ''
    AND r.`journey_id` IN (SELECT p.`journey_id` FROM `project.helpline.journey_runs` p WHERE p.`started_at` >= @from AND p.`started_at` < @to)
) n
WHERE n.newest = 1
