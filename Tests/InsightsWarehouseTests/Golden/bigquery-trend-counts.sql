WITH periods AS (
  SELECT 0 AS i, @trend_from_0 AS lo, @trend_to_0 AS hi
  UNION ALL SELECT 1 AS i, @trend_from_1 AS lo, @trend_to_1 AS hi
  UNION ALL SELECT 2 AS i, @trend_from_2 AS lo, @trend_to_2 AS hi
  UNION ALL SELECT 3 AS i, @trend_from_3 AS lo, @trend_to_3 AS hi
  UNION ALL SELECT 4 AS i, @trend_from_4 AS lo, @trend_to_4 AS hi
  UNION ALL SELECT 5 AS i, @trend_from_5 AS lo, @trend_to_5 AS hi
  UNION ALL SELECT 6 AS i, @trend_from_6 AS lo, @trend_to_6 AS hi
  UNION ALL SELECT 7 AS i, @trend_from_7 AS lo, @trend_to_7 AS hi
  UNION ALL SELECT 8 AS i, @trend_from_8 AS lo, @trend_to_8 AS hi
  UNION ALL SELECT 9 AS i, @trend_from_9 AS lo, @trend_to_9 AS hi
  UNION ALL SELECT 10 AS i, @trend_from_10 AS lo, @trend_to_10 AS hi
)
SELECT x.i, SUM(x.received), SUM(x.sent), SUM(x.active), SUM(x.new_users), SUM(x.completers), SUM(x.journeys),
  SUM(x.reached)
FROM (
  SELECT p.i, COUNT(CASE WHEN m.`direction` = 'inbound' THEN 1 END) AS received,
      COUNT(CASE WHEN m.`direction` = 'outbound' THEN 1 END) AS sent,
      COUNT(DISTINCT CASE WHEN m.`direction` = 'inbound' THEN m.`contact_id` END) AS active, 0 AS new_users, 0 AS completers,
      0 AS journeys, 0 AS reached
    FROM `project.helpline.messages` m CROSS JOIN periods p
    WHERE m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, COUNT(*) AS new_users, 0 AS completers, 0 AS journeys, 0 AS reached
    FROM (SELECT n.`contact_id` AS contact, MIN(n.`timestamp`) AS first_at FROM `project.helpline.messages` n
      WHERE n.`direction` = 'inbound' GROUP BY n.`contact_id`) f CROSS JOIN periods p
    WHERE f.first_at >= @from AND f.first_at < @to AND f.first_at >= p.lo AND f.first_at < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, 0 AS journeys, COUNT(DISTINCT o.`contact_id`) AS reached
    FROM `project.helpline.messages` o
      JOIN (SELECT DISTINCT s.`message_id` AS message_id FROM `project.helpline.message_statuses` s
    WHERE s.`status` IN ('delivered', 'read')) d ON d.message_id = o.`message_id`
      CROSS JOIN periods p
    WHERE o.`direction` = 'outbound' AND o.`timestamp` >= @from AND o.`timestamp` < @to
      AND o.`timestamp` >= p.lo AND o.`timestamp` < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, COUNT(DISTINCT g.`contact_id`) AS completers, 0 AS journeys, 0 AS reached
    FROM `project.helpline.goal_events` g CROSS JOIN periods p
    WHERE g.`event` = 'completed' AND g.`timestamp` >= @from AND g.`timestamp` < @to
      AND g.`timestamp` >= p.lo AND g.`timestamp` < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, COUNT(*) AS journeys, 0 AS reached
    FROM `project.helpline.journey_runs` r CROSS JOIN periods p
    WHERE r.`outcome` = 'completed' AND r.`started_at` >= @from AND r.`started_at` < @to
      AND r.`started_at` >= p.lo AND r.`started_at` < p.hi AND r.`ended_at` IS NOT NULL AND r.`ended_at` < p.hi
    GROUP BY p.i
) x
GROUP BY x.i
ORDER BY x.i
