-- parameters: from, to
SELECT COUNT(*),
  COUNT(CASE WHEN k."opted_in_at" >= CAST($1 AS timestamptz) AND k."opted_in_at" < CAST($2 AS timestamptz) THEN 1 END),
  COUNT(CASE WHEN k."opted_out_at" >= CAST($1 AS timestamptz) AND k."opted_out_at" < CAST($2 AS timestamptz) THEN 1 END),
  COUNT(CASE WHEN k."opted_in_at" < CAST($2 AS timestamptz) AND NOT (k."opted_out_at" IS NOT NULL AND k."opted_out_at" > k."opted_in_at" AND k."opted_out_at" < CAST($2 AS timestamptz)) THEN 1 END)
FROM "helpline"."contacts" k
WHERE k."opted_in_at" IS NOT NULL OR k."opted_out_at" IS NOT NULL
