-- parameters: zone, from, to
SELECT n.day, COUNT(*)
FROM (
  SELECT (CAST(f.first_at AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') AS day
  FROM (
    SELECT m."contact_id" AS contact, MIN(m."timestamp") AS first_at
  FROM "helpline"."messages" m WHERE m."direction" = 'inbound' GROUP BY m."contact_id"
  ) f
  WHERE f.first_at >= CAST($2 AS timestamptz) AND f.first_at < CAST($3 AS timestamptz)
) n
GROUP BY n.day
