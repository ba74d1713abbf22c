CREATE TABLE goals AS SELECT * FROM read_csv('/data/goals.csv', header = true, columns = {'goal_id': 'VARCHAR', 'name': 'VARCHAR', 'description': 'VARCHAR'});

CREATE TABLE behaviours AS SELECT * FROM read_csv('/data/behaviours.csv', header = true, columns = {'behaviour_id': 'VARCHAR', 'goal_id': 'VARCHAR', 'name': 'VARCHAR'});

CREATE TABLE contacts AS SELECT * FROM read_csv('/data/contacts.csv', header = true, columns = {'contact_id': 'VARCHAR', 'phone': 'VARCHAR', 'country': 'VARCHAR', 'created_at': 'TIMESTAMP'});

CREATE TABLE messages AS SELECT * FROM read_csv('/data/messages-*.csv', header = true, columns = {'message_id': 'VARCHAR', 'contact_id': 'VARCHAR', 'direction': 'VARCHAR', 'ts': 'TIMESTAMP', 'author_type': 'VARCHAR', 'author_id': 'VARCHAR', 'author_name': 'VARCHAR'});

CREATE TABLE message_statuses AS SELECT * FROM read_csv('/data/message_statuses-*.csv', header = true, columns = {'message_id': 'VARCHAR', 'status': 'VARCHAR', 'ts': 'TIMESTAMP', 'error': 'VARCHAR'});

CREATE TABLE conversation_events AS SELECT * FROM read_csv('/data/conversation_events-*.csv', header = true, columns = {'contact_id': 'VARCHAR', 'event': 'VARCHAR', 'ts': 'TIMESTAMP', 'actor_id': 'VARCHAR', 'actor_name': 'VARCHAR'});

CREATE TABLE goal_events AS SELECT * FROM read_csv('/data/goal_events-*.csv', header = true, columns = {'contact_id': 'VARCHAR', 'goal_id': 'VARCHAR', 'behaviour_id': 'VARCHAR', 'event': 'VARCHAR', 'ts': 'TIMESTAMP'});

SELECT CAST(ts AS DATE) AS day,
  count(*) FILTER (WHERE direction = 'inbound') AS received,
  count(*) FILTER (WHERE direction = 'outbound') AS sent,
  count(DISTINCT contact_id) FILTER (WHERE direction = 'inbound') AS users
FROM messages WHERE ts >= TIMESTAMP '2026-09-01 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY day ORDER BY day;

SELECT ts >= TIMESTAMP '2026-09-01 00:00:00' AS current,
  count(*) FILTER (WHERE direction = 'inbound') AS received,
  count(*) FILTER (WHERE direction = 'outbound') AS sent,
  count(DISTINCT contact_id) FILTER (WHERE direction = 'inbound') AS active_users
FROM messages WHERE ts >= TIMESTAMP '2026-08-02 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY current ORDER BY current DESC;

SELECT isodow(ts) AS weekday, hour(ts) AS hour, count(*) AS received
FROM messages WHERE direction = 'inbound' AND ts >= TIMESTAMP '2026-09-01 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY weekday, hour ORDER BY weekday, hour;

SELECT author_type, author_id, arg_max(author_name, ts) AS name, count(*) AS sent
FROM messages WHERE direction = 'outbound' AND ts >= TIMESTAMP '2026-09-01 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY author_type, author_id ORDER BY sent DESC, author_type, author_id;

SELECT count(*) AS new_users FROM (
  SELECT contact_id, min(ts) AS first_inbound FROM messages WHERE direction = 'inbound'
  GROUP BY contact_id)
WHERE first_inbound >= TIMESTAMP '2026-09-01 00:00:00' AND first_inbound < TIMESTAMP '2026-10-01 00:00:00';

SELECT goal_id, event, count(*) AS events, count(DISTINCT contact_id) AS contacts
FROM goal_events WHERE ts >= TIMESTAMP '2026-09-01 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY goal_id, event ORDER BY goal_id, event;

SELECT event, count(*) AS events FROM conversation_events WHERE ts >= TIMESTAMP '2026-09-01 00:00:00' AND ts < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY event ORDER BY event;
