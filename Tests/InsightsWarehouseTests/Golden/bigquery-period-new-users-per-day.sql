WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT n.i, n.day, COUNT(*)
FROM (
  SELECT p.i AS i, UNIX_DATE(DATE(f.first_at, @zone)) AS day
  FROM (
    SELECT m.`contact_id` AS contact, MIN(m.`timestamp`) AS first_at
    FROM `project.helpline.messages` m WHERE m.`direction` = 'inbound' GROUP BY m.`contact_id`
  ) f CROSS JOIN periods p
  WHERE f.first_at >= @from AND f.first_at < @to AND f.first_at >= p.lo AND f.first_at < p.hi
) n
GROUP BY n.i, n.day
