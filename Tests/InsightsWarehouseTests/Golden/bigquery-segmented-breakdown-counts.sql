WITH facts AS (
  SELECT m.`contact_id` AS contact, COUNT(*) AS received, 0 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) m
    WHERE m.`direction` = 'inbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to
    GROUP BY m.`contact_id`
  UNION ALL
  SELECT f.contact AS contact, 0 AS received, 1 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT n.`contact_id` AS contact, MIN(n.`timestamp`) AS first_at FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) n
      WHERE n.`direction` = 'inbound' GROUP BY n.`contact_id`) f
    WHERE f.first_at >= @from AND f.first_at < @to
  UNION ALL
  SELECT g.`contact_id` AS contact, 0 AS received, 0 AS new_user, 1 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.goal_events` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) g
    WHERE g.`event` = 'completed' AND g.`timestamp` >= @from AND g.`timestamp` < @to
    GROUP BY g.`contact_id`
  UNION ALL
  SELECT r.`contact_id` AS contact, 0 AS received, 0 AS new_user, 0 AS completer, COUNT(*) AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.journey_runs` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) r
    WHERE r.`outcome` = 'completed' AND r.`started_at` >= @from AND r.`started_at` < @to
      AND r.`ended_at` IS NOT NULL AND r.`ended_at` < @to
    GROUP BY r.`contact_id`
),
per_contact AS (
  SELECT a.contact, SUM(a.received) AS received, MAX(a.new_user) AS new_user, MAX(a.completer) AS completer,
    SUM(a.journeys) AS journeys, MAX(a.reached) AS reached
  FROM facts a GROUP BY a.contact
),
vals AS (
  SELECT x.contact, x.value
  FROM (
    SELECT k.`contact_id` AS contact, JSON_VALUE(k.`fields`, @breakdown_field) AS value
    FROM (SELECT * FROM `project.helpline.contacts` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE JSON_VALUE(sk.`fields`, @segment_field_0) IN (@segment_value_0_0, @segment_value_0_1) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) k
  ) x
  WHERE x.value IS NOT NULL
)
SELECT v.value, COUNT(*), 0, 0, 0, 0, 0, 0 FROM vals v GROUP BY v.value
UNION ALL
SELECT v.value, 0, COUNT(CASE WHEN p.received > 0 THEN 1 END), SUM(p.new_user), SUM(p.received), SUM(p.completer),
  SUM(p.journeys), SUM(p.reached)
FROM per_contact p LEFT JOIN vals v ON v.contact = p.contact
GROUP BY v.value
