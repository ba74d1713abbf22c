-- parameters: segment_field_0, segment_value_0_0, segment_value_0_1, segment_field_1, segment_value_1_0, from, to, breakdown_field
WITH facts AS (
  SELECT m."contact_id" AS contact, COUNT(*) AS received, 0 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM "helpline"."messages" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) m
    WHERE m."direction" = 'inbound' AND m."timestamp" >= CAST($6 AS timestamptz) AND m."timestamp" < CAST($7 AS timestamptz)
    GROUP BY m."contact_id"
  UNION ALL
  SELECT f.contact AS contact, 0 AS received, 1 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT n."contact_id" AS contact, MIN(n."timestamp") AS first_at FROM (SELECT * FROM "helpline"."messages" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) n
      WHERE n."direction" = 'inbound' GROUP BY n."contact_id") f
    WHERE f.first_at >= CAST($6 AS timestamptz) AND f.first_at < CAST($7 AS timestamptz)
  UNION ALL
  SELECT g."contact_id" AS contact, 0 AS received, 0 AS new_user, 1 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM "helpline"."goal_events" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) g
    WHERE g."event" = 'completed' AND g."timestamp" >= CAST($6 AS timestamptz) AND g."timestamp" < CAST($7 AS timestamptz)
    GROUP BY g."contact_id"
  UNION ALL
  SELECT r."contact_id" AS contact, 0 AS received, 0 AS new_user, 0 AS completer, COUNT(*) AS journeys, 0 AS reached
    FROM (SELECT * FROM "helpline"."journey_runs" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) r
    WHERE r."outcome" = 'completed' AND r."started_at" >= CAST($6 AS timestamptz) AND r."started_at" < CAST($7 AS timestamptz)
      AND r."ended_at" IS NOT NULL AND r."ended_at" < CAST($7 AS timestamptz)
    GROUP BY r."contact_id"
),
per_contact AS (
  SELECT a.contact, SUM(a.received) AS received, MAX(a.new_user) AS new_user, MAX(a.completer) AS completer,
    SUM(a.journeys) AS journeys, MAX(a.reached) AS reached
  FROM facts a GROUP BY a.contact
),
vals AS (
  SELECT x.contact, x.value
  FROM (
    SELECT k."contact_id" AS contact, (CAST(NULLIF(CAST(k."fields" AS text), '') AS jsonb) ->> CAST($8 AS text)) AS value
    FROM (SELECT * FROM "helpline"."contacts" segment_rows WHERE "contact_id" IN (SELECT sk."contact_id" FROM "helpline"."contacts" sk WHERE (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($1 AS text)) COLLATE "C" IN (CAST($2 AS text), CAST($3 AS text)) AND (CAST(NULLIF(CAST(sk."fields" AS text), '') AS jsonb) ->> CAST($4 AS text)) COLLATE "C" IN (CAST($5 AS text)))) k
  ) x
  WHERE x.value IS NOT NULL
)
SELECT v.value, COUNT(*), 0, 0, 0, 0, 0, 0 FROM vals v GROUP BY v.value
UNION ALL
SELECT v.value, 0, COUNT(CASE WHEN p.received > 0 THEN 1 END), SUM(p.new_user), SUM(p.received), SUM(p.completer),
  SUM(p.journeys), SUM(p.reached)
FROM per_contact p LEFT JOIN vals v ON v.contact = p.contact
GROUP BY v.value
