SELECT COUNT(CASE WHEN m.`direction` = 'inbound' THEN 1 END),
  COUNT(CASE WHEN m.`direction` = 'outbound' THEN 1 END),
  COUNT(DISTINCT CASE WHEN m.`direction` = 'inbound' THEN m.`contact_id` END)
FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) m WHERE m.`timestamp` >= @from AND m.`timestamp` < @to
