WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT a.i, a.author_type, a.author_id, a.group_name, COUNT(*)
FROM (
  SELECT p.i AS i, m.`author_type` AS author_type, m.`author_id` AS author_id,
    CASE WHEN m.`author_id` IS NULL THEN m.`author_name` END AS group_name
  FROM `project.helpline.messages` m CROSS JOIN periods p
  WHERE m.`direction` = 'outbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
) a
GROUP BY a.i, a.author_type, a.author_id, a.group_name
