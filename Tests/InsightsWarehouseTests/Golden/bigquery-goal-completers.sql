SELECT COUNT(DISTINCT g.`contact_id`) FROM `project.helpline.goal_events` g
WHERE g.`event` = 'completed' AND g.`timestamp` >= @from
  AND g.`timestamp` < @to
