SELECT COUNT(CASE WHEN m.`direction` = 'inbound' THEN 1 END),
  COUNT(CASE WHEN m.`direction` = 'outbound' THEN 1 END),
  COUNT(DISTINCT CASE WHEN m.`direction` = 'inbound' THEN m.`contact_id` END)
FROM `project.helpline.messages` m WHERE m.`timestamp` >= @from AND m.`timestamp` < @to
