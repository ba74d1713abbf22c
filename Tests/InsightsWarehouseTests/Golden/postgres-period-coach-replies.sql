-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT p.i, k.author_id, k.group_name, COUNT(*), COUNT(DISTINCT k.contact)
FROM (
  SELECT m."contact_id" AS contact, m."timestamp" AS sent_at, m."message_id" AS message_id,
    m."author_id" AS author_id, CASE WHEN m."author_id" IS NULL THEN m."author_name" END AS group_name
  FROM "helpline"."messages" m
  WHERE m."direction" = 'outbound' AND m."author_type" = 'coach'
    AND m."timestamp" >= CAST($3 AS timestamptz) AND m."timestamp" < CAST($4 AS timestamptz)
) k CROSS JOIN periods p
WHERE k.sent_at >= p.lo AND k.sent_at < p.hi
GROUP BY p.i, k.author_id, k.group_name
