WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT p.i
FROM (
  SELECT t.`timestamp` AS at FROM `project.helpline.messages` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to
  UNION ALL
  SELECT t.`timestamp` AS at FROM `project.helpline.conversation_events` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to
  UNION ALL
  SELECT t.`timestamp` AS at FROM `project.helpline.goal_events` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to
  UNION ALL
  SELECT t.`started_at` AS at FROM `project.helpline.journey_runs` t WHERE t.`started_at` >= @from AND t.`started_at` < @to
  UNION ALL
  SELECT t.`timestamp` AS at FROM `project.helpline.journey_results` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to
) a CROSS JOIN periods p
WHERE a.at >= p.lo AND a.at < p.hi
GROUP BY p.i
ORDER BY p.i
