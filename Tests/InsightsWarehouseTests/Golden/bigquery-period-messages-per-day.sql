WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT d.i, d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
FROM (
  SELECT p.i AS i, UNIX_DATE(DATE(m.`timestamp`, @zone)) AS day,
    CASE WHEN m.`direction` = 'inbound' THEN 1 ELSE 0 END AS inbound, m.`contact_id` AS contact
  FROM `project.helpline.messages` m CROSS JOIN periods p WHERE m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
) d
GROUP BY d.i, d.day ORDER BY d.i, d.day
