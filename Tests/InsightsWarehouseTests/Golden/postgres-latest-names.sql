-- parameters: from, to
SELECT n.author_id, n.author_name
FROM (
  SELECT m."author_id" AS author_id, m."author_name" AS author_name,
    ROW_NUMBER() OVER (
      PARTITION BY m."author_id" ORDER BY m."timestamp" DESC, m."message_id" COLLATE "C" DESC
    ) AS newest
  FROM "helpline"."messages" m
  WHERE m."author_name" IS NOT NULL AND m."author_id" IN (
    SELECT p."author_id" FROM "helpline"."messages" p
    WHERE p."direction" = 'outbound' AND p."author_id" IS NOT NULL AND p."timestamp" >= CAST($1 AS timestamptz) AND p."timestamp" < CAST($2 AS timestamptz)
  )
) n
WHERE n.newest = 1
