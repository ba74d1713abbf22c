SELECT h.weekday, h.hour, COUNT(*)
FROM (
  SELECT MOD(EXTRACT(DAYOFWEEK FROM m.`timestamp` AT TIME ZONE @zone) + 5, 7) AS weekday,
    EXTRACT(HOUR FROM m.`timestamp` AT TIME ZONE @zone) AS hour
  FROM `project.helpline.messages` m WHERE m.`direction` = 'inbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to
) h
GROUP BY h.weekday, h.hour
