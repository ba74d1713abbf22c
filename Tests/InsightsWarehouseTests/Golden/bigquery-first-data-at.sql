SELECT UNIX_MICROS(MIN(x.first_at))
FROM (
  SELECT MIN(m.`timestamp`) AS first_at FROM `project.helpline.messages` m
  UNION ALL SELECT MIN(e.`timestamp`) AS first_at FROM `project.helpline.conversation_events` e
  UNION ALL SELECT MIN(g.`timestamp`) AS first_at FROM `project.helpline.goal_events` g
  UNION ALL SELECT MIN(r.`started_at`) AS first_at FROM `project.helpline.journey_runs` r
) x
