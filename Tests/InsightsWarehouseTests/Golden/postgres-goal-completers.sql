-- parameters: from, to
SELECT COUNT(DISTINCT g."contact_id") FROM "helpline"."goal_events" g
WHERE g."event" = 'completed' AND g."timestamp" >= CAST($1 AS timestamptz)
  AND g."timestamp" < CAST($2 AS timestamptz)
