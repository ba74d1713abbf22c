SELECT n.day, COUNT(*)
FROM (
  SELECT UNIX_DATE(DATE(f.first_at, @zone)) AS day
  FROM (
    SELECT m.`contact_id` AS contact, MIN(m.`timestamp`) AS first_at
  FROM `project.helpline.messages` m WHERE m.`direction` = 'inbound' GROUP BY m.`contact_id`
  ) f
  WHERE f.first_at >= @from AND f.first_at < @to
) n
GROUP BY n.day
