import GRDB

/// The database schema, as named, append-only migrations (never edit one after release).
///
/// Instants are microseconds since the epoch (UTC). Derived columns, kept up to date at
/// import so a report reads only its period: `contacts.region` (the `country` override, or the
/// phone number's region, or `ZZ`) and `contacts.first_inbound_at`.
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
        return migrator
    }
}
