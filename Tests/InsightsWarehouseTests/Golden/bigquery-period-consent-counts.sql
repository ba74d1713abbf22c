WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt)
SELECT p.i, COUNT(*),
  COUNT(CASE WHEN k.`opted_in_at` >= p.lo AND k.`opted_in_at` < p.hi THEN 1 END),
  COUNT(CASE WHEN k.`opted_out_at` >= p.lo AND k.`opted_out_at` < p.hi THEN 1 END),
  COUNT(CASE WHEN k.`opted_in_at` < p.hi AND NOT (k.`opted_out_at` IS NOT NULL AND k.`opted_out_at` > k.`opted_in_at` AND k.`opted_out_at` < p.hi) THEN 1 END)
FROM `project.helpline.contacts` k CROSS JOIN periods p
WHERE k.`opted_in_at` IS NOT NULL OR k.`opted_out_at` IS NOT NULL
GROUP BY p.i
