-- parameters: segment_field_0, segment_value_0_0, segment_value_0_1, segment_field_1, segment_value_1_0, from, to
SELECT COUNT(CASE WHEN m."direction" = 'inbound' THEN 1 END),
  COUNT(CASE WHEN m."direction" = 'outbound' THEN 1 END),
  COUNT(DISTINCT CASE WHEN m."direction" = 'inbound' THEN m."contact_id" END)
FROM (SELECT * FROM "helpline"."messages" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) m WHERE m."timestamp" >= CAST($6 AS timestamptz) AND m."timestamp" < CAST($7 AS timestamptz)
