-- parameters: from, to
SELECT COUNT(*)
FROM (
  SELECT m."contact_id" AS contact, MIN(m."timestamp") AS first_at
  FROM "helpline"."messages" m WHERE m."direction" = 'inbound' GROUP BY m."contact_id"
) f
WHERE f.first_at >= CAST($1 AS timestamptz) AND f.first_at < CAST($2 AS timestamptz)
