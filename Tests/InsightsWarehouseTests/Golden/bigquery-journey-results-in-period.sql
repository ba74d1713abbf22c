SELECT COUNT(*)
FROM (
  SELECT DISTINCT x.`contact_id`, x.`journey_id`, COALESCE(x.`run_id`, '') AS run_id,
    x.`question`, x.`answer`, x.`timestamp`
  FROM `project.helpline.journey_results` x
  WHERE x.`timestamp` >= @from AND x.`timestamp` < @to
) d
