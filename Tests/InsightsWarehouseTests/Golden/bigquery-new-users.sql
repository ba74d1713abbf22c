SELECT COUNT(*)
FROM (
  SELECT m.`contact_id` AS contact, MIN(m.`timestamp`) AS first_at
  FROM `project.helpline.messages` m WHERE m.`direction` = 'inbound' GROUP BY m.`contact_id`
) f
WHERE f.first_at >= @from AND f.first_at < @to
