-- parameters: to, from, period_from, period_to
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
periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($3 AS timestamptz[]), CAST($4 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
period_live AS (
  SELECT p.i, p.lo, v.contact, v.opened_at, CASE WHEN v.closed_at < p.hi THEN v.closed_at END AS closed_at, v.nth,
    v.by_event
  FROM live v CROSS JOIN periods p
  WHERE v.opened_at < p.hi AND (v.closed_at IS NULL OR v.closed_at >= p.lo)
)
SELECT r.i, r.duration
FROM (
  SELECT d.i, d.duration, ROW_NUMBER() OVER (PARTITION BY d.i ORDER BY d.duration) AS nth,
    COUNT(*) OVER (PARTITION BY d.i) AS total
  FROM (
    SELECT v.i, CAST(EXTRACT(EPOCH FROM v.closed_at) * 1000000 AS bigint) - CAST(EXTRACT(EPOCH FROM v.opened_at) * 1000000 AS bigint) AS duration FROM period_live v
    WHERE v.closed_at IS NOT NULL
  ) d
) r
WHERE r.nth BETWEEN ((r.total + 1) / (2)) AND ((r.total) / (2)) + 1
ORDER BY r.i, r.duration
