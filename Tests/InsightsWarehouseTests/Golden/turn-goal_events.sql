SELECT DISTINCT f.contact_id AS contact_id, r.goal_id AS goal_id, NULLIF(r.behaviour_id, '') AS behaviour_id,
  r.event AS event, f.inserted_at AS `timestamp`
FROM (SELECT * FROM (SELECT NULLIF(TRIM(t.`contact_id`), '') AS contact_id, NULLIF(TRIM(t.`stack_uuid`), '') AS stack_uuid, NULLIF(TRIM(t.`session_id`), '') AS session_id, NULLIF(TRIM(t.`question_id`), '') AS question_id, NULLIF(TRIM(t.`response`), '') AS response, t.`inserted_at` AS inserted_at, NULLIF(TRIM(t.`uuid`), '') AS turn_id,
  ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`uuid`), '') ORDER BY t.`inserted_at` IS NULL, t.`inserted_at` DESC) AS turn_rank
  FROM `project.turn_27600000000.flow_results` t) WHERE turn_rank = 1 OR turn_id IS NULL) f
JOIN (SELECT element AS question, @turn_rule_responses[OFFSET(element_offset)] AS response, @turn_rule_any[OFFSET(element_offset)] AS any_response, @turn_rule_stacks[OFFSET(element_offset)] AS stack, @turn_rule_goals[OFFSET(element_offset)] AS goal_id, @turn_rule_behaviours[OFFSET(element_offset)] AS behaviour_id, @turn_rule_events[OFFSET(element_offset)] AS event FROM UNNEST(@turn_rule_questions) AS element WITH OFFSET AS element_offset) AS r ON r.question = f.question_id AND (r.stack = '' OR r.stack = f.stack_uuid)
  AND (r.any_response = 1 OR r.response = LOWER(f.response))
