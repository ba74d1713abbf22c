WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT h.i, h.weekday, h.hour, COUNT(*)
FROM (
  SELECT p.i AS i, MOD(EXTRACT(DAYOFWEEK FROM m.`timestamp` AT TIME ZONE @zone) + 5, 7) AS weekday,
    EXTRACT(HOUR FROM m.`timestamp` AT TIME ZONE @zone) AS hour
  FROM `project.helpline.messages` m CROSS JOIN periods p
  WHERE m.`direction` = 'inbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
) h
GROUP BY h.i, h.weekday, h.hour
