-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT e.i, e.goal_id, e.event, e.behaviour_id, COUNT(DISTINCT e.contact), COUNT(*)
FROM (
  SELECT p.i AS i, x."goal_id" AS goal_id, x."event" AS event,
    CASE WHEN x."event" = 'actioned' THEN x."behaviour_id" END AS behaviour_id, x."contact_id" AS contact
  FROM "helpline"."goal_events" x CROSS JOIN periods p WHERE x."timestamp" >= CAST($3 AS timestamptz) AND x."timestamp" < CAST($4 AS timestamptz) AND x."timestamp" >= p.lo AND x."timestamp" < p.hi
) e
GROUP BY e.i, e.goal_id, e.event, e.behaviour_id
