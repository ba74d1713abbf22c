-- parameters: from, to
SELECT k.author_id, k.group_name, COUNT(*), COUNT(DISTINCT k.contact)
FROM (
  SELECT m."contact_id" AS contact, m."timestamp" AS sent_at, m."message_id" AS message_id,
    m."author_id" AS author_id, CASE WHEN m."author_id" IS NULL THEN m."author_name" END AS group_name
  FROM "helpline"."messages" m
  WHERE m."direction" = 'outbound' AND m."author_type" = 'coach'
    AND m."timestamp" >= CAST($1 AS timestamptz) AND m."timestamp" < CAST($2 AS timestamptz)
) k
GROUP BY k.author_id, k.group_name
