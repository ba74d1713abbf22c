SELECT r.`journey_id`, COUNT(*), COUNT(DISTINCT r.`contact_id`),
  COUNT(CASE WHEN r.`ended_at` < @to AND r.`outcome` IN ('completed') THEN 1 END),
  COUNT(CASE WHEN r.`ended_at` < @to AND r.`outcome` IN ('expired') THEN 1 END),
  COUNT(CASE WHEN r.`ended_at` < @to AND r.`outcome` IN ('interrupted') THEN 1 END),
  COUNT(CASE WHEN r.`outcome` NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
  COUNT(DISTINCT r.`run_id`)
FROM `project.helpline.journey_runs` r
WHERE r.`started_at` >= @from AND r.`started_at` < @to
GROUP BY r.`journey_id`
