-- parameters: from, to
SELECT a.author_type, a.author_id, a.group_name, COUNT(*)
FROM (
  SELECT m."author_type" AS author_type, m."author_id" AS author_id,
    CASE WHEN m."author_id" IS NULL THEN m."author_name" END AS group_name
  FROM "helpline"."messages" m WHERE m."direction" = 'outbound' AND m."timestamp" >= CAST($1 AS timestamptz) AND m."timestamp" < CAST($2 AS timestamptz)
) a
GROUP BY a.author_type, a.author_id, a.group_name
