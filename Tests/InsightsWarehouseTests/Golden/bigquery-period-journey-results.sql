WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT d.i, COUNT(*)
FROM (
  SELECT DISTINCT p.i AS i, x.`contact_id`, x.`journey_id`, COALESCE(x.`run_id`, '') AS run_id,
    x.`question`, x.`answer`, x.`timestamp`
  FROM `project.helpline.journey_results` x CROSS JOIN periods p
  WHERE x.`timestamp` >= @from AND x.`timestamp` < @to AND x.`timestamp` >= p.lo AND x.`timestamp` < p.hi
) d
GROUP BY d.i
