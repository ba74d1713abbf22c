-- parameters: from, to
SELECT e.goal_id, e.event, e.behaviour_id, COUNT(DISTINCT e.contact), COUNT(*)
FROM (
  SELECT g."goal_id" AS goal_id, g."event" AS event,
    CASE WHEN g."event" = 'actioned' THEN g."behaviour_id" END AS behaviour_id, g."contact_id" AS contact
  FROM "helpline"."goal_events" g WHERE g."timestamp" >= CAST($1 AS timestamptz) AND g."timestamp" < CAST($2 AS timestamptz)
) e
GROUP BY e.goal_id, e.event, e.behaviour_id
