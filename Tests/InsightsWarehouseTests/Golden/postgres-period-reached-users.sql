-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
outbound AS (
  SELECT p.i, m."message_id" AS message_id, m."contact_id" AS contact, m."timestamp" AS sent_at,
    m."author_type" AS author_type
  FROM "helpline"."messages" m CROSS JOIN periods p
  WHERE m."direction" = 'outbound' AND m."timestamp" >= CAST($3 AS timestamptz) AND m."timestamp" < CAST($4 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
),
states AS (
  SELECT s."message_id" AS message_id, MIN(CASE s."status" WHEN 'read' THEN 0 WHEN 'delivered' THEN 1 WHEN 'failed' THEN 2 WHEN 'sent' THEN 3 END) AS "rank",
    MIN(CASE WHEN s."status" = 'read' THEN s."timestamp" END) AS first_read
  FROM "helpline"."message_statuses" s
  WHERE s."message_id" IN (SELECT o.message_id FROM outbound o)
  GROUP BY s."message_id"
),
deliveries AS (
  SELECT o.i, o.message_id, o.contact, o.sent_at, o.author_type, COALESCE(t."rank", 4) AS state, t.first_read
  FROM outbound o LEFT JOIN states t ON t.message_id = o.message_id
)
SELECT d.i, COUNT(DISTINCT CASE WHEN d.state <= 1 THEN d.contact END), COUNT(CASE WHEN d.state = 0 THEN 1 END)
FROM deliveries d
GROUP BY d.i
