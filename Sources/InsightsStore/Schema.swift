import GRDB
import InsightsMetrics

/// The database schema, as named, append-only migrations (never edit one after release).
///
/// Instants are microseconds since the epoch (UTC). Derived data, kept up to date at import
/// so a report reads only its period: `contacts.region` (the `country` override, or the
/// phone number's region, or `ZZ`), `contacts.first_inbound_at`, the table
/// `conversation_spans` (each time a conversation was open, replayed from inbound messages
/// and conversation events; see `ConversationReplay`), the table `message_delivery` (the
/// outbound messages with a status, and whether one reached someone; see `MessageDelivery`),
/// and `contact_fields.value_folded` (the value trimmed and lower-cased, for segments).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE contacts (
                        id INTEGER PRIMARY KEY,
                        contact_id TEXT NOT NULL UNIQUE,
                        phone TEXT,
                        country TEXT CHECK (country IS NULL OR length(country) = 2),
                        created_at INTEGER,
                        region TEXT NOT NULL DEFAULT 'ZZ',
                        first_inbound_at INTEGER
                    );
                    CREATE TABLE messages (
                        id INTEGER PRIMARY KEY,
                        message_id TEXT NOT NULL UNIQUE,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        inbound INTEGER NOT NULL CHECK (inbound IN (0, 1)),
                        ts INTEGER NOT NULL,
                        author_type TEXT CHECK (
                            (inbound = 1 AND author_type IS NULL) OR
                            (inbound = 0 AND author_type IN ('stack', 'coach', 'reminder', 'api', 'automation', 'thread'))),
                        author_id TEXT,
                        author_name TEXT
                    );
                    CREATE INDEX messages_ts ON messages(ts);
                    CREATE INDEX messages_contact_inbound_ts ON messages(contact, inbound, ts);
                    CREATE INDEX messages_author ON messages(author_id, ts);
                    CREATE TABLE conversation_events (
                        id INTEGER PRIMARY KEY,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        event TEXT NOT NULL CHECK (event IN ('closed', 'reopened', 'opened')),
                        ts INTEGER NOT NULL,
                        actor_id TEXT,
                        actor_name TEXT,
                        UNIQUE (contact, event, ts)
                    );
                    CREATE INDEX conversation_events_ts ON conversation_events(ts);
                    CREATE TABLE goals (
                        id INTEGER PRIMARY KEY,
                        goal_id TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        description TEXT
                    );
                    CREATE TABLE behaviours (
                        id INTEGER PRIMARY KEY,
                        behaviour_id TEXT NOT NULL UNIQUE,
                        goal_id TEXT NOT NULL REFERENCES goals(goal_id),
                        name TEXT NOT NULL
                    );
                    CREATE TABLE goal_events (
                        id INTEGER PRIMARY KEY,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        goal_id TEXT NOT NULL REFERENCES goals(goal_id),
                        behaviour_id TEXT REFERENCES behaviours(behaviour_id),
                        event TEXT NOT NULL CHECK (event IN ('started', 'actioned', 'completed')),
                        ts INTEGER NOT NULL
                    );
                    CREATE UNIQUE INDEX goal_events_identity
                        ON goal_events(contact, goal_id, event, ts, IFNULL(behaviour_id, ''));
                    CREATE INDEX goal_events_ts ON goal_events(ts);
                    """)
        }
        migrator.registerMigration("v2") { db in
            // A report reads its period's conversation spans instead of replaying all history,
            // its new users from an index of first inbound messages, and the previous period's
            // inbound messages from the `messages_ts` index alone, and an author's newest name
            // with one seek of `messages_author_named` (however many unnamed messages it has).
            try db.execute(
                sql: """
                    CREATE TABLE conversation_spans (
                        id INTEGER PRIMARY KEY,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        opened_at INTEGER NOT NULL,
                        closed_at INTEGER CHECK (closed_at IS NULL OR closed_at >= opened_at),
                        reopen INTEGER NOT NULL CHECK (reopen IN (0, 1))
                    );
                    CREATE INDEX conversation_spans_contact ON conversation_spans(contact, opened_at);
                    CREATE INDEX conversation_spans_period
                        ON conversation_spans(closed_at, opened_at, contact, reopen);
                    CREATE INDEX contacts_first_inbound ON contacts(first_inbound_at);
                    DROP INDEX messages_ts;
                    CREATE INDEX messages_ts ON messages(ts, inbound, contact);
                    DROP INDEX messages_author;
                    CREATE INDEX messages_author_named ON messages(author_id, ts, message_id)
                        WHERE author_name IS NOT NULL;
                    """)
            // The spans are filled by "v3", which replays every contact with the code of today
            // (this migration once replayed them itself; the replay now writes a column that
            // exists from v3 on, and v3 replaces whatever v2 would have written).
        }
        migrator.registerMigration("v3") { db in
            // Response times count only the conversations an inbound message opened: each span
            // records what opened it. Existing spans are replayed again to fill it.
            try db.execute(
                sql: """
                    ALTER TABLE conversation_spans ADD COLUMN by_inbound INTEGER NOT NULL DEFAULT 0
                        CHECK (by_inbound IN (0, 1));
                    DELETE FROM conversation_spans;
                    """)
            let contacts = try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT contact FROM messages WHERE inbound = 1
                    UNION SELECT DISTINCT contact FROM conversation_events ORDER BY 1
                    """)
            try ConversationSpans(db: db).refresh(Dictionary(uniqueKeysWithValues: contacts.map { ($0, Instant.min) }))
        }
        migrator.registerMigration("v4") { db in
            // Message statuses, Journey runs and results, consent times and contact fields, and
            // the listing order of goals and behaviours and replay order of same-instant events.
            // Statuses name their message by its id (text): a status may arrive before its
            // message. The period columns are indexed, statuses by message id for the join.
            try db.execute(
                sql: """
                    ALTER TABLE contacts ADD COLUMN opted_in_at INTEGER;
                    ALTER TABLE contacts ADD COLUMN opted_out_at INTEGER;
                    CREATE INDEX contacts_consent ON contacts(id, opted_in_at, opted_out_at)
                        WHERE opted_in_at IS NOT NULL OR opted_out_at IS NOT NULL;
                    CREATE TABLE contact_fields (
                        id INTEGER PRIMARY KEY,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        field TEXT NOT NULL,
                        value TEXT NOT NULL,
                        value_folded TEXT NOT NULL,
                        UNIQUE (contact, field)
                    );
                    CREATE INDEX contact_fields_value ON contact_fields(field, value_folded, contact);
                    ALTER TABLE goals ADD COLUMN position INTEGER;
                    ALTER TABLE behaviours ADD COLUMN position INTEGER;
                    ALTER TABLE conversation_events ADD COLUMN seq INTEGER;
                    CREATE TABLE message_statuses (
                        id INTEGER PRIMARY KEY,
                        message_id TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
                        ts INTEGER NOT NULL,
                        error TEXT,
                        UNIQUE (message_id, status, ts)
                    );
                    CREATE TABLE journey_runs (
                        id INTEGER PRIMARY KEY,
                        run_id TEXT NOT NULL UNIQUE,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        journey_id TEXT NOT NULL,
                        journey_name TEXT,
                        started_at INTEGER NOT NULL,
                        ended_at INTEGER,
                        outcome TEXT CHECK (
                            (ended_at IS NULL AND outcome IS NULL) OR
                            (ended_at IS NOT NULL AND outcome IN ('completed', 'expired', 'interrupted'))),
                        last_step TEXT
                    );
                    CREATE INDEX journey_runs_started ON journey_runs(started_at);
                    CREATE INDEX journey_runs_named ON journey_runs(journey_id, started_at, run_id)
                        WHERE journey_name IS NOT NULL;
                    CREATE TABLE journey_results (
                        id INTEGER PRIMARY KEY,
                        contact INTEGER NOT NULL REFERENCES contacts(id),
                        journey_id TEXT NOT NULL,
                        run_id TEXT,
                        question TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        ts INTEGER NOT NULL
                    );
                    CREATE UNIQUE INDEX journey_results_identity
                        ON journey_results(contact, journey_id, IFNULL(run_id, ''), question, answer, ts);
                    CREATE INDEX journey_results_ts ON journey_results(ts);
                    CREATE INDEX messages_coach ON messages(ts) WHERE author_type = 'coach';
                    """)
        }
        migrator.registerMigration("v5") { db in
            // The order of a contact's same-instant answers to a question (`seq`, as given or
            // exported), so that a warehouse copy keeps the same newest answer.
            try db.execute(sql: "ALTER TABLE journey_results ADD COLUMN seq INTEGER")
        }
        migrator.registerMigration("v6") { db in
            // Four reads of a report that went through a table row by row: the spans'
            // `by_inbound` joins the period index, so spans are read from the index alone; the
            // coach messages' partial index holds every column the response times read, in
            // their order, so the period's coach messages and the summary trend's months of
            // them are read from the index alone, unsorted (`author_type` is a column too,
            // else SQLite reads the table to test the query's `author_type = 'coach'`); and
            // the derived table `message_delivery` lists the outbound messages with a status,
            // so that the delivery funnel reads only those (not every outbound message joined
            // to its statuses), and the summary trend and the previous period count reached
            // users along a time index (on 10M messages: 2.0 s to 0.2 s per spans read, 4.3 s
            // to 0.06 s for the trend's reached users).
            try db.execute(
                sql: """
                    DROP INDEX conversation_spans_period;
                    CREATE INDEX conversation_spans_period
                        ON conversation_spans(closed_at, opened_at, contact, reopen, by_inbound);
                    DROP INDEX messages_coach;
                    CREATE INDEX messages_coach
                        ON messages(ts, message_id, contact, author_id, author_name, author_type)
                        WHERE author_type = 'coach';
                    """)
            try db.execute(sql: MessageDelivery.schema)
            try MessageDelivery(db: db).rebuild()
        }
        return migrator
    }
}
