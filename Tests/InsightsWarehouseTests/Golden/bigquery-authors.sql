SELECT a.author_type, a.author_id, a.group_name, COUNT(*)
FROM (
  SELECT m.`author_type` AS author_type, m.`author_id` AS author_id,
    CASE WHEN m.`author_id` IS NULL THEN m.`author_name` END AS group_name
  FROM `project.helpline.messages` m WHERE m.`direction` = 'outbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to
) a
GROUP BY a.author_type, a.author_id, a.group_name
