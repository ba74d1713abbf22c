-- parameters: trend_from_0, trend_to_0, trend_from_1, trend_to_1, trend_from_2, trend_to_2, trend_from_3, trend_to_3, trend_from_4, trend_to_4, trend_from_5, trend_to_5, trend_from_6, trend_to_6, trend_from_7, trend_to_7, trend_from_8, trend_to_8, trend_from_9, trend_to_9, trend_from_10, trend_to_10, from, to
WITH periods AS (
  SELECT 0 AS i, CAST($1 AS timestamptz) AS lo, CAST($2 AS timestamptz) AS hi
  UNION ALL SELECT 1 AS i, CAST($3 AS timestamptz) AS lo, CAST($4 AS timestamptz) AS hi
  UNION ALL SELECT 2 AS i, CAST($5 AS timestamptz) AS lo, CAST($6 AS timestamptz) AS hi
  UNION ALL SELECT 3 AS i, CAST($7 AS timestamptz) AS lo, CAST($8 AS timestamptz) AS hi
  UNION ALL SELECT 4 AS i, CAST($9 AS timestamptz) AS lo, CAST($10 AS timestamptz) AS hi
  UNION ALL SELECT 5 AS i, CAST($11 AS timestamptz) AS lo, CAST($12 AS timestamptz) AS hi
  UNION ALL SELECT 6 AS i, CAST($13 AS timestamptz) AS lo, CAST($14 AS timestamptz) AS hi
  UNION ALL SELECT 7 AS i, CAST($15 AS timestamptz) AS lo, CAST($16 AS timestamptz) AS hi
  UNION ALL SELECT 8 AS i, CAST($17 AS timestamptz) AS lo, CAST($18 AS timestamptz) AS hi
  UNION ALL SELECT 9 AS i, CAST($19 AS timestamptz) AS lo, CAST($20 AS timestamptz) AS hi
  UNION ALL SELECT 10 AS i, CAST($21 AS timestamptz) AS lo, CAST($22 AS timestamptz) AS hi
)
SELECT x.i, SUM(x.received), SUM(x.sent), SUM(x.active), SUM(x.new_users), SUM(x.completers), SUM(x.journeys),
  SUM(x.reached)
FROM (
  SELECT p.i, COUNT(CASE WHEN m."direction" = 'inbound' THEN 1 END) AS received,
      COUNT(CASE WHEN m."direction" = 'outbound' THEN 1 END) AS sent,
      COUNT(DISTINCT CASE WHEN m."direction" = 'inbound' THEN m."contact_id" END) AS active, 0 AS new_users, 0 AS completers,
      0 AS journeys, 0 AS reached
    FROM "helpline"."messages" m CROSS JOIN periods p
    WHERE m."timestamp" >= CAST($23 AS timestamptz) AND m."timestamp" < CAST($24 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, COUNT(*) AS new_users, 0 AS completers, 0 AS journeys, 0 AS reached
    FROM (SELECT n."contact_id" AS contact, MIN(n."timestamp") AS first_at FROM "helpline"."messages" n
      WHERE n."direction" = 'inbound' GROUP BY n."contact_id") f CROSS JOIN periods p
    WHERE f.first_at >= CAST($23 AS timestamptz) AND f.first_at < CAST($24 AS timestamptz) AND f.first_at >= p.lo AND f.first_at < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, 0 AS journeys, COUNT(DISTINCT o."contact_id") AS reached
    FROM "helpline"."messages" o
      JOIN (SELECT DISTINCT s."message_id" AS message_id FROM "helpline"."message_statuses" s
    WHERE s."status" IN ('delivered', 'read')) d ON d.message_id = o."message_id"
      CROSS JOIN periods p
    WHERE o."direction" = 'outbound' AND o."timestamp" >= CAST($23 AS timestamptz) AND o."timestamp" < CAST($24 AS timestamptz)
      AND o."timestamp" >= p.lo AND o."timestamp" < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, COUNT(DISTINCT g."contact_id") AS completers, 0 AS journeys, 0 AS reached
    FROM "helpline"."goal_events" g CROSS JOIN periods p
    WHERE g."event" = 'completed' AND g."timestamp" >= CAST($23 AS timestamptz) AND g."timestamp" < CAST($24 AS timestamptz)
      AND g."timestamp" >= p.lo AND g."timestamp" < p.hi
    GROUP BY p.i
  UNION ALL
  SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, COUNT(*) AS journeys, 0 AS reached
    FROM "helpline"."journey_runs" r CROSS JOIN periods p
    WHERE r."outcome" = 'completed' AND r."started_at" >= CAST($23 AS timestamptz) AND r."started_at" < CAST($24 AS timestamptz)
      AND r."started_at" >= p.lo AND r."started_at" < p.hi AND r."ended_at" IS NOT NULL AND r."ended_at" < p.hi
    GROUP BY p.i
) x
GROUP BY x.i
ORDER BY x.i
