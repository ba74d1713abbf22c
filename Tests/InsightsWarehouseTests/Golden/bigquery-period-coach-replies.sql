WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT p.i, k.author_id, k.group_name, COUNT(*), COUNT(DISTINCT k.contact)
FROM (
  SELECT m.`contact_id` AS contact, m.`timestamp` AS sent_at, m.`message_id` AS message_id,
    m.`author_id` AS author_id, CASE WHEN m.`author_id` IS NULL THEN m.`author_name` END AS group_name
  FROM `project.helpline.messages` m
  WHERE m.`direction` = 'outbound' AND m.`author_type` = 'coach'
    AND m.`timestamp` >= @from AND m.`timestamp` < @to
) k CROSS JOIN periods p
WHERE k.sent_at >= p.lo AND k.sent_at < p.hi
GROUP BY p.i, k.author_id, k.group_name
