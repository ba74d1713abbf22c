SELECT y.contact_id AS contact_id, y.event AS event, y.turn_at AS `timestamp`,
  y.actor_id AS actor_id, y.actor_name AS actor_name, y.seq AS seq
FROM (SELECT x.*, MIN(x.turn_order) OVER (PARTITION BY x.contact_id, x.event, x.turn_at) AS seq,
    ROW_NUMBER() OVER (PARTITION BY x.contact_id, x.event, x.turn_at ORDER BY x.turn_order DESC) AS turn_last
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.contact_id ORDER BY r.turn_at, r.turn_key) AS turn_order
    FROM (SELECT a.contact_id, a.event, a.turn_at, a.actor_id, a.actor_name, a.turn_key FROM (
  SELECT c.contact_id, COALESCE(em.turn_action, CASE WHEN STRPOS(LOWER(e.type), 'reopen') > 0 OR STRPOS(LOWER(e.type), 're-open') > 0 OR STRPOS(LOWER(e.type), 're_open') > 0
  THEN 'reopened' WHEN STRPOS(LOWER(e.type), 'close') > 0 THEN 'closed' WHEN STRPOS(LOWER(e.type), 'open') > 0 THEN 'opened'
  ELSE 'ignore' END) AS event, e.turn_at, e.actor_id, e.actor_name, e.turn_id AS turn_key
  FROM (SELECT * FROM (SELECT NULLIF(TRIM(t.`chat_id`), '') AS chat_id, NULLIF(TRIM(t.`type`), '') AS type, t.`inserted_at` AS turn_at, NULLIF(TRIM(t.`account_id`), '') AS actor_id, NULLIF(TRIM(t.`account_name`), '') AS actor_name, NULLIF(TRIM(t.`id`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`id`), '') ORDER BY t.`updated_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.chat_events` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) e JOIN (SELECT * FROM (SELECT NULLIF(TRIM(t.`id`), '') AS chat_id, NULLIF(TRIM(t.`contact_id`), '') AS contact_id, NULLIF(TRIM(t.`owner`), '') AS owner, NULLIF(TRIM(t.`state`), '') AS state, NULLIF(TRIM(t.`state_reason`), '') AS state_reason, t.`updated_at` AS updated_at, NULLIF(TRIM(t.`id`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`id`), '') ORDER BY t.`updated_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.chats` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) c ON c.chat_id = e.chat_id LEFT JOIN (SELECT element AS turn_key, @turn_event_actions[OFFSET(element_offset)] AS turn_action FROM UNNEST(@turn_event_keys) AS element WITH OFFSET AS element_offset) AS em ON em.turn_key = UPPER(e.type)) a
WHERE a.event <> 'ignore') r) x) y
WHERE y.turn_last = 1
