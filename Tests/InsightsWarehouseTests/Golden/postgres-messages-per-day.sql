-- parameters: zone, from, to
SELECT d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
FROM (
  SELECT (CAST(m."timestamp" AT TIME ZONE CAST($1 AS text) AS date) - DATE '1970-01-01') AS day,
    CASE WHEN m."direction" = 'inbound' THEN 1 ELSE 0 END AS inbound, m."contact_id" AS contact
  FROM "helpline"."messages" m WHERE m."timestamp" >= CAST($2 AS timestamptz) AND m."timestamp" < CAST($3 AS timestamptz)
) d
GROUP BY d.day ORDER BY d.day
