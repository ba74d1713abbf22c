WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT p.i, r.`journey_id`, COUNT(*), COUNT(DISTINCT r.`contact_id`),
  COUNT(CASE WHEN r.`ended_at` < p.hi AND r.`outcome` IN ('completed') THEN 1 END),
  COUNT(CASE WHEN r.`ended_at` < p.hi AND r.`outcome` IN ('expired') THEN 1 END),
  COUNT(CASE WHEN r.`ended_at` < p.hi AND r.`outcome` IN ('interrupted') THEN 1 END),
  COUNT(CASE WHEN r.`outcome` NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
  COUNT(DISTINCT r.`run_id`)
FROM `project.helpline.journey_runs` r CROSS JOIN periods p
WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`started_at` >= p.lo AND r.`started_at` < p.hi
GROUP BY p.i, r.`journey_id`
ORDER BY p.i
