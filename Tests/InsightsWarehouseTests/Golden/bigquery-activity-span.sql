SELECT UNIX_MICROS(MIN(a.oldest)), UNIX_MICROS(MAX(a.newest))
FROM (
  SELECT MIN(t.`timestamp`) AS oldest, MAX(t.`timestamp`) AS newest FROM `project.helpline.messages` t
  UNION ALL
  SELECT MIN(t.`timestamp`) AS oldest, MAX(t.`timestamp`) AS newest FROM `project.helpline.conversation_events` t
  UNION ALL
  SELECT MIN(t.`timestamp`) AS oldest, MAX(t.`timestamp`) AS newest FROM `project.helpline.goal_events` t
  UNION ALL
  SELECT MIN(t.`started_at`) AS oldest, MAX(t.`started_at`) AS newest FROM `project.helpline.journey_runs` t
  UNION ALL
  SELECT MIN(t.`timestamp`) AS oldest, MAX(t.`timestamp`) AS newest FROM `project.helpline.journey_results` t
) a
