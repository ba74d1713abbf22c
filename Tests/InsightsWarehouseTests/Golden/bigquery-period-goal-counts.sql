WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT e.i, e.goal_id, e.event, e.behaviour_id, COUNT(DISTINCT e.contact), COUNT(*)
FROM (
  SELECT p.i AS i, x.`goal_id` AS goal_id, x.`event` AS event,
    CASE WHEN x.`event` = 'actioned' THEN x.`behaviour_id` END AS behaviour_id, x.`contact_id` AS contact
  FROM `project.helpline.goal_events` x CROSS JOIN periods p WHERE x.`timestamp` >= @from AND x.`timestamp` < @to AND x.`timestamp` >= p.lo AND x.`timestamp` < p.hi
) e
GROUP BY e.i, e.goal_id, e.event, e.behaviour_id
