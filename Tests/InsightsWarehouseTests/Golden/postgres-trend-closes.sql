-- parameters: to, from, trend_from_0, trend_to_0, trend_from_1, trend_to_1, trend_from_2, trend_to_2, trend_from_3, trend_to_3, trend_from_4, trend_to_4, trend_from_5, trend_to_5, trend_from_6, trend_to_6, trend_from_7, trend_to_7, trend_from_8, trend_to_8, trend_from_9, trend_to_9, trend_from_10, trend_to_10
WITH steps AS (
  SELECT m."contact_id" AS contact, m."timestamp" AS step_at, 0 AS k0, 0 AS k1, 0 AS k2, 0 AS k3, 1 AS opens
  FROM "helpline"."messages" m
  WHERE m."direction" = 'inbound' AND m."timestamp" < CAST($1 AS timestamptz)
  UNION ALL
  SELECT e."contact_id" AS contact, e."timestamp" AS step_at, 1 AS k0, CASE WHEN e."seq" IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e."seq", 0) AS k2, CASE WHEN e."event" = 'closed' THEN 0 ELSE 1 END AS k3, CASE WHEN e."event" = 'closed' THEN 0 ELSE 1 END AS opens
  FROM "helpline"."conversation_events" e WHERE e."timestamp" < CAST($1 AS timestamptz)
),
changes AS (
  SELECT s.contact, s.step_at, s.k0, s.k1, s.k2, s.k3, s.opens,
    LAG(s.opens) OVER (PARTITION BY s.contact ORDER BY s.step_at, s.k0, s.k1, s.k2, s.k3) AS before
  FROM steps s
),
transitions AS (
  SELECT t.contact, t.step_at, t.k0, t.k1, t.k2, t.k3, t.opens FROM changes t WHERE t.opens <> COALESCE(t.before, 0)
),
spans AS (
  SELECT p.contact, p.opens, p.step_at AS opened_at,
    LEAD(p.step_at) OVER (PARTITION BY p.contact ORDER BY p.step_at, p.k0, p.k1, p.k2, p.k3) AS closed_at,
    ROW_NUMBER() OVER (PARTITION BY p.contact ORDER BY p.step_at, p.k0, p.k1, p.k2, p.k3) AS nth, p.k0 AS by_event
  FROM transitions p
),
live AS (
  SELECT l.contact, l.opened_at, l.closed_at, l.nth, l.by_event FROM spans l
  WHERE l.opens = 1 AND (l.closed_at IS NULL OR l.closed_at >= CAST($2 AS timestamptz))
),
periods AS (
  SELECT 0 AS i, CAST($3 AS timestamptz) AS lo, CAST($4 AS timestamptz) AS hi
  UNION ALL SELECT 1 AS i, CAST($5 AS timestamptz) AS lo, CAST($6 AS timestamptz) AS hi
  UNION ALL SELECT 2 AS i, CAST($7 AS timestamptz) AS lo, CAST($8 AS timestamptz) AS hi
  UNION ALL SELECT 3 AS i, CAST($9 AS timestamptz) AS lo, CAST($10 AS timestamptz) AS hi
  UNION ALL SELECT 4 AS i, CAST($11 AS timestamptz) AS lo, CAST($12 AS timestamptz) AS hi
  UNION ALL SELECT 5 AS i, CAST($13 AS timestamptz) AS lo, CAST($14 AS timestamptz) AS hi
  UNION ALL SELECT 6 AS i, CAST($15 AS timestamptz) AS lo, CAST($16 AS timestamptz) AS hi
  UNION ALL SELECT 7 AS i, CAST($17 AS timestamptz) AS lo, CAST($18 AS timestamptz) AS hi
  UNION ALL SELECT 8 AS i, CAST($19 AS timestamptz) AS lo, CAST($20 AS timestamptz) AS hi
  UNION ALL SELECT 9 AS i, CAST($21 AS timestamptz) AS lo, CAST($22 AS timestamptz) AS hi
  UNION ALL SELECT 10 AS i, CAST($23 AS timestamptz) AS lo, CAST($24 AS timestamptz) AS hi
)
SELECT p.i, COUNT(*)
FROM transitions t CROSS JOIN periods p
WHERE t.opens = 0 AND t.step_at >= p.lo AND t.step_at < p.hi
GROUP BY p.i
ORDER BY p.i
