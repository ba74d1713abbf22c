SELECT COUNT(*),
  COUNT(CASE WHEN k.`opted_in_at` >= @from AND k.`opted_in_at` < @to THEN 1 END),
  COUNT(CASE WHEN k.`opted_out_at` >= @from AND k.`opted_out_at` < @to THEN 1 END),
  COUNT(CASE WHEN k.`opted_in_at` < @to AND NOT (k.`opted_out_at` IS NOT NULL AND k.`opted_out_at` > k.`opted_in_at` AND k.`opted_out_at` < @to) THEN 1 END)
FROM `project.helpline.contacts` k
WHERE k.`opted_in_at` IS NOT NULL OR k.`opted_out_at` IS NOT NULL
