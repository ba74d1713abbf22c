SELECT n.author_id, n.author_name
FROM (
  SELECT m.`author_id` AS author_id, m.`author_name` AS author_name,
    ROW_NUMBER() OVER (
      PARTITION BY m.`author_id` ORDER BY m.`timestamp` DESC, m.`message_id` DESC
    ) AS newest
  FROM `project.helpline.messages` m
  WHERE m.`author_name` IS NOT NULL AND m.`author_id` IN (
    SELECT p.`author_id` FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) p
    WHERE p.`direction` = 'outbound' AND p.`author_id` IS NOT NULL AND p.`timestamp` >= @from AND p.`timestamp` < @to
  )
) n
WHERE n.newest = 1
