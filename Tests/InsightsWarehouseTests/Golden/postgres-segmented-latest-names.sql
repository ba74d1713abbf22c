-- parameters: segment_field_0, segment_value_0_0, segment_value_0_1, segment_field_1, segment_value_1_0, from, to
SELECT n.author_id, n.author_name
FROM (
  SELECT m."author_id" AS author_id, m."author_name" AS author_name,
    ROW_NUMBER() OVER (
      PARTITION BY m."author_id" ORDER BY m."timestamp" DESC, m."message_id" COLLATE "C" DESC
    ) AS newest
  FROM "helpline"."messages" m
  WHERE m."author_name" IS NOT NULL AND m."author_id" IN (
    SELECT p."author_id" FROM (SELECT * FROM "helpline"."messages" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) p
    WHERE p."direction" = 'outbound' AND p."author_id" IS NOT NULL AND p."timestamp" >= CAST($6 AS timestamptz) AND p."timestamp" < CAST($7 AS timestamptz)
  )
) n
WHERE n.newest = 1
