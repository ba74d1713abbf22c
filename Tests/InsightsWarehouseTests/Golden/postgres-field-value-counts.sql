-- parameters: field_key
SELECT v.value, COUNT(*)
FROM (SELECT (CAST(NULLIF(CAST(k."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) AS value FROM "helpline"."contacts" k) v
WHERE v.value IS NOT NULL
GROUP BY v.value
