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
marks AS (
  SELECT p.i, v.contact, v.closed_at AS moment, 1 AS ended, 0 AS is_close, NULL AS actor_id, 0 AS k1, 0 AS k2
  FROM live v CROSS JOIN periods p WHERE v.closed_at >= p.lo AND v.closed_at < p.hi
  UNION ALL
  SELECT p.i, e."contact_id", e."timestamp", 0, 1, e."actor_id", CASE WHEN e."seq" IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e."seq", 0) AS k2
  FROM "helpline"."conversation_events" e CROSS JOIN periods p
  WHERE e."event" = 'closed' AND e."timestamp" >= CAST($2 AS timestamptz)
    AND e."timestamp" < CAST($1 AS timestamptz) AND e."timestamp" >= p.lo AND e."timestamp" < p.hi
),
ranked AS (
  SELECT m.i, m.actor_id, m.is_close, SUM(m.ended) OVER (PARTITION BY m.i, m.contact, m.moment) AS spans,
    ROW_NUMBER() OVER (
      PARTITION BY m.i, m.contact, m.moment ORDER BY m.is_close DESC, m.k1, m.k2, m.actor_id COLLATE "C"
    ) AS nth
  FROM marks m
)
SELECT r.i, r.actor_id, COUNT(*)
FROM ranked r
WHERE r.is_close = 1 AND r.nth <= r.spans AND r.actor_id IS NOT NULL
GROUP BY r.i, r.actor_id
