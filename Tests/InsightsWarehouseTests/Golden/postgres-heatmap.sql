-- parameters: zone, from, to
SELECT h.weekday, h.hour, COUNT(*)
FROM (
  SELECT (CAST(EXTRACT(ISODOW FROM m."timestamp" AT TIME ZONE CAST($1 AS text)) AS integer) - 1) AS weekday,
    CAST(EXTRACT(HOUR FROM m."timestamp" AT TIME ZONE CAST($1 AS text)) AS integer) AS hour
  FROM "helpline"."messages" m WHERE m."direction" = 'inbound' AND m."timestamp" >= CAST($2 AS timestamptz) AND m."timestamp" < CAST($3 AS timestamptz)
) h
GROUP BY h.weekday, h.hour
