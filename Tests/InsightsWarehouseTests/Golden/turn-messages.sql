SELECT m.message_id AS message_id, c.contact_id AS contact_id,
  CASE WHEN m.direction IN ('inbound', 'in', 'i') THEN 'inbound' ELSE 'outbound' END AS direction,
  m.inserted_at AS `timestamp`,
  CASE WHEN m.direction IN ('inbound', 'in', 'i') THEN NULL ELSE am.turn_type END AS author_type,
  CASE WHEN m.direction IN ('inbound', 'in', 'i') THEN NULL WHEN am.turn_type = 'stack' THEN COALESCE(m.journey_uuid, m.author_id)
    ELSE m.author_id END AS author_id,
  CASE WHEN m.direction IN ('inbound', 'in', 'i') THEN NULL WHEN am.turn_type = 'stack' THEN COALESCE(m.journey_name, m.author_name)
    ELSE m.author_name END AS author_name
FROM (SELECT * FROM (SELECT NULLIF(TRIM(t.`id`), '') AS message_id, NULLIF(TRIM(t.`chat_id`), '') AS chat_id, LOWER(NULLIF(TRIM(t.`direction`), '')) AS direction, t.`inserted_at` AS inserted_at, NULLIF(TRIM(t.`from_addr`), '') AS from_addr, COALESCE(UPPER(COALESCE(NULLIF(TRIM(t.`author_type`), ''), NULLIF(TRIM(JSON_VALUE(t.`author`, '$.type')), ''))), 'NONE') AS turn_author, NULLIF(TRIM(JSON_VALUE(t.`author`, '$.id')), '') AS author_id, NULLIF(TRIM(JSON_VALUE(t.`author`, '$.name')), '') AS author_name, NULLIF(TRIM(JSON_VALUE(t.`author`, '$.journey_uuid')), '') AS journey_uuid, NULLIF(TRIM(JSON_VALUE(t.`author`, '$.journey_name')), '') AS journey_name, NULLIF(TRIM(t.`id`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`id`), '') ORDER BY t.`updated_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.messages` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) m
JOIN (SELECT * FROM (SELECT NULLIF(TRIM(t.`id`), '') AS chat_id, NULLIF(TRIM(t.`contact_id`), '') AS contact_id, NULLIF(TRIM(t.`owner`), '') AS owner, NULLIF(TRIM(t.`state`), '') AS state, NULLIF(TRIM(t.`state_reason`), '') AS state_reason, t.`updated_at` AS updated_at, NULLIF(TRIM(t.`id`), '') AS turn_id, ROW_NUMBER() OVER (PARTITION BY NULLIF(TRIM(t.`id`), '') ORDER BY t.`updated_at` DESC NULLS LAST) AS turn_rank FROM `project.turn_27600000000.chats` t) v WHERE v.turn_rank = 1 OR v.turn_id IS NULL) c ON c.chat_id = m.chat_id
LEFT JOIN (SELECT element AS turn_key, @turn_author_types[OFFSET(element_offset)] AS turn_type FROM UNNEST(@turn_author_keys) AS element WITH OFFSET AS element_offset) AS am ON am.turn_key = m.turn_author
WHERE m.direction IN ('inbound', 'in', 'i') OR (m.direction IN ('outbound', 'out', 'o') AND am.turn_type IS NOT NULL)
