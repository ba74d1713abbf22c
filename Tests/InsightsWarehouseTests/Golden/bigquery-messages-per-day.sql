SELECT d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
FROM (
  SELECT UNIX_DATE(DATE(m.`timestamp`, @zone)) AS day,
    CASE WHEN m.`direction` = 'inbound' THEN 1 ELSE 0 END AS inbound, m.`contact_id` AS contact
  FROM `project.helpline.messages` m WHERE m.`timestamp` >= @from AND m.`timestamp` < @to
) d
GROUP BY d.day ORDER BY d.day
