SELECT f.contact_id AS contact_id, f.stack_uuid AS journey_id, f.session_id AS run_id,
  f.question_id AS question, f.response AS answer, f.inserted_at AS `timestamp`,
  ROW_NUMBER() OVER (PARTITION BY f.contact_id ORDER BY f.inserted_at, f.turn_id) AS seq
FROM (SELECT * FROM (SELECT NULLIF(TRIM(t.`contact_id`), '') AS contact_id, NULLIF(TRIM(t.`stack_uuid`), '') AS stack_uuid, NULLIF(TRIM(t.`session_id`), '') AS session_id, NULLIF(TRIM(t.`question_id`), '') AS question_id, NULLIF(TRIM(t.`response`), '') AS response, t.`inserted_at` AS inserted_at, NULLIF(TRIM(t.`uuid`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`uuid`), '') ORDER BY t.`inserted_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.flow_results` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) f
WHERE f.stack_uuid IS NOT NULL AND f.response IS NOT NULL
