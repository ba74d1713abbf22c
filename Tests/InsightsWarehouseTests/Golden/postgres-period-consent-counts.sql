-- parameters: period_from, period_to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT p.i, COUNT(*),
  COUNT(CASE WHEN k."opted_in_at" >= p.lo AND k."opted_in_at" < p.hi THEN 1 END),
  COUNT(CASE WHEN k."opted_out_at" >= p.lo AND k."opted_out_at" < p.hi THEN 1 END),
  COUNT(CASE WHEN k."opted_in_at" < p.hi AND NOT (k."opted_out_at" IS NOT NULL AND k."opted_out_at" > k."opted_in_at" AND k."opted_out_at" < p.hi) THEN 1 END)
FROM "helpline"."contacts" k CROSS JOIN periods p
WHERE k."opted_in_at" IS NOT NULL OR k."opted_out_at" IS NOT NULL
GROUP BY p.i
