SELECT CASE WHEN EXISTS (SELECT 1 FROM `project.helpline.messages` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to)
  OR EXISTS (SELECT 1 FROM `project.helpline.conversation_events` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to)
  OR EXISTS (SELECT 1 FROM `project.helpline.goal_events` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to)
  OR EXISTS (SELECT 1 FROM `project.helpline.journey_runs` t WHERE t.`started_at` >= @from AND t.`started_at` < @to)
  OR EXISTS (SELECT 1 FROM `project.helpline.journey_results` t WHERE t.`timestamp` >= @from AND t.`timestamp` < @to) THEN 1 ELSE 0 END
