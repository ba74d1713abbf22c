WITH steps AS (
  SELECT m.`contact_id` AS contact, m.`timestamp` AS step_at, 0 AS k0, 0 AS k1, 0 AS k2, 0 AS k3, 1 AS opens
  FROM `project.helpline.messages` m
  WHERE m.`direction` = 'inbound' AND m.`timestamp` < @to
  UNION ALL
  SELECT e.`contact_id` AS contact, e.`timestamp` AS step_at, 1 AS k0, CASE WHEN e.`seq` IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e.`seq`, 0) AS k2, CASE WHEN e.`event` = 'closed' THEN 0 ELSE 1 END AS k3, CASE WHEN e.`event` = 'closed' THEN 0 ELSE 1 END AS opens
  FROM `project.helpline.conversation_events` e WHERE e.`timestamp` < @to
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
  WHERE l.opens = 1 AND (l.closed_at IS NULL OR l.closed_at >= @from)
),
periods AS (
  SELECT 0 AS i, @trend_from_0 AS lo, @trend_to_0 AS hi
  UNION ALL SELECT 1 AS i, @trend_from_1 AS lo, @trend_to_1 AS hi
  UNION ALL SELECT 2 AS i, @trend_from_2 AS lo, @trend_to_2 AS hi
  UNION ALL SELECT 3 AS i, @trend_from_3 AS lo, @trend_to_3 AS hi
  UNION ALL SELECT 4 AS i, @trend_from_4 AS lo, @trend_to_4 AS hi
  UNION ALL SELECT 5 AS i, @trend_from_5 AS lo, @trend_to_5 AS hi
  UNION ALL SELECT 6 AS i, @trend_from_6 AS lo, @trend_to_6 AS hi
  UNION ALL SELECT 7 AS i, @trend_from_7 AS lo, @trend_to_7 AS hi
  UNION ALL SELECT 8 AS i, @trend_from_8 AS lo, @trend_to_8 AS hi
  UNION ALL SELECT 9 AS i, @trend_from_9 AS lo, @trend_to_9 AS hi
  UNION ALL SELECT 10 AS i, @trend_from_10 AS lo, @trend_to_10 AS hi
)
SELECT p.i, COUNT(*)
FROM transitions t CROSS JOIN periods p
WHERE t.opens = 0 AND t.step_at >= p.lo AND t.step_at < p.hi
GROUP BY p.i
ORDER BY p.i
