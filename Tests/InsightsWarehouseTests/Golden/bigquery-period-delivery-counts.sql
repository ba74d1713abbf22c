WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
outbound AS (
  SELECT p.i, m.`message_id` AS message_id, m.`contact_id` AS contact, m.`timestamp` AS sent_at,
    m.`author_type` AS author_type
  FROM `project.helpline.messages` m CROSS JOIN periods p
  WHERE m.`direction` = 'outbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
),
states AS (
  SELECT s.`message_id` AS message_id, MIN(CASE s.`status` WHEN 'read' THEN 0 WHEN 'delivered' THEN 1 WHEN 'failed' THEN 2 WHEN 'sent' THEN 3 END) AS `rank`,
    MIN(CASE WHEN s.`status` = 'read' THEN s.`timestamp` END) AS first_read
  FROM `project.helpline.message_statuses` s
  WHERE s.`message_id` IN (SELECT o.message_id FROM outbound o)
  GROUP BY s.`message_id`
),
deliveries AS (
  SELECT o.i, o.message_id, o.contact, o.sent_at, o.author_type, COALESCE(t.`rank`, 4) AS state, t.first_read
  FROM outbound o LEFT JOIN states t ON t.message_id = o.message_id
)
SELECT g.i, g.day, g.author_type, g.state, COUNT(*)
FROM (SELECT d.i, UNIX_DATE(DATE(d.sent_at, @zone)) AS day, d.author_type, d.state FROM deliveries d) g
GROUP BY g.i, g.day, g.author_type, g.state
