-- parameters: from, to
SELECT COUNT(CASE WHEN m."direction" = 'inbound' THEN 1 END),
  COUNT(CASE WHEN m."direction" = 'outbound' THEN 1 END),
  COUNT(DISTINCT CASE WHEN m."direction" = 'inbound' THEN m."contact_id" END)
FROM "helpline"."messages" m WHERE m."timestamp" >= CAST($1 AS timestamptz) AND m."timestamp" < CAST($2 AS timestamptz)
