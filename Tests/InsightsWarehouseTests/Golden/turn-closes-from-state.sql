SELECT y.contact_id AS contact_id, y.event AS event, y.turn_at AS `timestamp`,
  y.actor_id AS actor_id, y.actor_name AS actor_name, y.seq AS seq
FROM (SELECT x.*, MIN(x.turn_order) OVER (PARTITION BY x.contact_id, x.event, x.turn_at) AS seq,
    ROW_NUMBER() OVER (PARTITION BY x.contact_id, x.event, x.turn_at ORDER BY x.turn_order DESC) AS turn_last
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.contact_id ORDER BY r.turn_at, r.turn_key) AS turn_order
    FROM (SELECT c.contact_id, 'closed' AS event, c.updated_at AS turn_at, CAST(NULL AS STRING) AS actor_id,
  CAST(NULL AS STRING) AS actor_name, c.chat_id AS turn_key
FROM (SELECT * FROM (SELECT NULLIF(TRIM(t.`id`), '') AS chat_id, NULLIF(TRIM(t.`contact_id`), '') AS contact_id, NULLIF(TRIM(t.`owner`), '') AS owner, NULLIF(TRIM(t.`state`), '') AS state, NULLIF(TRIM(t.`state_reason`), '') AS state_reason, t.`updated_at` AS updated_at, NULLIF(TRIM(t.`id`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`id`), '') ORDER BY t.`updated_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.chats` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) c
WHERE UPPER(c.state) <> 'OPEN' AND STRPOS(UPPER(c.state), 'CLOSE') > 0 AND c.updated_at IS NOT NULL) r) x) y
WHERE y.turn_last = 1
