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
periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
timeline AS (
  SELECT p.i, v.contact, v.opened_at AS moment, 0 AS kind, CASE WHEN v.closed_at < p.hi THEN v.closed_at END AS closed_at,
    NULL AS message_id, NULL AS author_id, NULL AS group_name
  FROM live v CROSS JOIN periods p WHERE v.by_event = 0 AND v.opened_at >= p.lo AND v.opened_at < p.hi
  UNION ALL
  SELECT p.i, k.contact, k.sent_at, 1, NULL, k.message_id, k.author_id, k.group_name
  FROM (
    SELECT m.`contact_id` AS contact, m.`timestamp` AS sent_at, m.`message_id` AS message_id,
    m.`author_id` AS author_id, CASE WHEN m.`author_id` IS NULL THEN m.`author_name` END AS group_name
  FROM `project.helpline.messages` m
  WHERE m.`direction` = 'outbound' AND m.`author_type` = 'coach'
    AND m.`timestamp` >= @from AND m.`timestamp` < @to
  ) k CROSS JOIN periods p
  WHERE k.sent_at >= p.lo AND k.sent_at < p.hi
),
grouped AS (
  SELECT t.i, t.contact, t.moment, t.kind, t.closed_at, t.author_id, t.group_name,
    COALESCE(SUM(t.kind) OVER (
      PARTITION BY t.i, t.contact ORDER BY t.moment, t.kind, t.message_id
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ), 0) AS before
  FROM timeline t
),
firsts AS (
  SELECT g.i, g.contact, g.kind, g.moment AS opened_at, g.closed_at, MAX(CASE WHEN g.kind = 1 THEN g.moment END) OVER (PARTITION BY g.i, g.contact, g.before) AS sent_at,
    MAX(CASE WHEN g.kind = 1 THEN g.author_id END) OVER (PARTITION BY g.i, g.contact, g.before) AS author_id, MAX(CASE WHEN g.kind = 1 THEN g.group_name END) OVER (PARTITION BY g.i, g.contact, g.before) AS group_name
  FROM grouped g
),
opened AS (
  SELECT f.i, f.contact, f.opened_at, f.sent_at, f.author_id, f.group_name,
    CASE WHEN f.sent_at IS NOT NULL AND (f.closed_at IS NULL OR f.sent_at <= f.closed_at) THEN 1 ELSE 0 END AS answered
  FROM firsts f WHERE f.kind = 0
),
waits AS (
  SELECT o.i, o.contact, o.opened_at, o.author_id, o.group_name, UNIX_MICROS(o.sent_at) - UNIX_MICROS(o.opened_at) AS wait
  FROM opened o
  WHERE o.answered = 1
)
SELECT r.i, r.nth, r.total, r.wait
FROM (
  SELECT w.i, w.wait, ROW_NUMBER() OVER (PARTITION BY w.i ORDER BY w.wait) AS nth,
    COUNT(*) OVER (PARTITION BY w.i) AS total
  FROM waits w
) r
WHERE r.nth BETWEEN DIV((r.total + 1), (2)) AND DIV((r.total), (2)) + 1
  OR r.nth = DIV((9 * r.total + 9), (10))
ORDER BY r.i, r.nth
