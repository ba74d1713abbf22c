import InsightsMetrics

/// A segment (`--segment FIELD=VALUE`, all conditions holding) as the engine's queries apply
/// it: per condition the field and the stored spellings of its value (the values of the
/// field in `contacts.fields` equal to the condition's value after trimming and ignoring
/// case, resolved first with `WarehouseQueries.fieldValues`). Comparing stored spellings
/// exactly keeps the folding in Swift (`FieldValue.folded(_:)`), the same as the SQLite path,
/// whatever the engine's collation or case rules. A `country=XX` condition holds the region
/// instead (upper-cased, as the SQLite path compares `contacts.region`), matched against the
/// region the engine places each contact in (`WarehouseQueries.contactRegions(_:)`).
public struct WarehouseSegment: Equatable, Sendable {
    /// One condition.
    public struct Condition: Equatable, Sendable {
        /// The field name (matched exactly).
        public var field: String
        /// The stored values that match (none: the condition selects nobody). Empty for a
        /// country condition.
        public var spellings: [String]
        /// For `country=XX`: the region, upper-cased (`ZZ`: unknown, contacts without a
        /// contacts row included); nil for a contact field.
        public var region: String?

        /// Creates a condition on a contact field.
        public init(field: String, spellings: [String]) {
            self.field = field
            self.spellings = spellings
            self.region = nil
        }

        /// Creates a condition on the country the report places a contact in.
        public init(region: String) {
            self.field = SegmentCondition.countryField
            self.spellings = []
            self.region = region
        }
    }

    /// The conditions, all of which must hold.
    public var conditions: [Condition]

    /// Creates a segment.
    public init(conditions: [Condition]) {
        self.conditions = conditions
    }

    /// The parameters its SQL takes: `segment_field_N` (the field as the dialect's JSON
    /// access takes it) and `segment_value_N_M` (each stored spelling); for a country
    /// condition `segment_region_N` and the phone prefix table (`regionParameters`).
    public func parameters(_ dialect: SQLDialect) throws(WarehouseError) -> [String: WarehouseParameter] {
        var values: [String: WarehouseParameter] = [:]
        for (index, condition) in conditions.enumerated() {
            if let region = condition.region {
                values["segment_region_\(index)"] = .string(region)
                values.merge(WarehouseQueries.regionParameters) { old, _ in old }
                continue
            }
            values["segment_field_\(index)"] = .string(try dialect.jsonKey(condition.field))
            for (nth, spelling) in condition.spellings.enumerated() {
                values["segment_value_\(index)_\(nth)"] = .string(spelling)
            }
        }
        return values
    }
}

/// The tables whose rows belong to a contact: a segment keeps only its contacts' rows.
private let contactTables: Set<String> = [
    "contacts", "messages", "conversation_events", "goal_events", "journey_runs", "journey_results",
]

extension WarehouseQueries {
    /// A record kind's table as every report query reads it: the table itself, or with a
    /// segment `(SELECT * FROM t WHERE contact_id IN (the segment's contacts))`
    /// (`message_statuses`: the statuses of the segment's messages). Definitions (`goals`,
    /// `behaviours`) are not restricted. Every template names its tables through this, except
    /// where a name is resolved over all data (`allData(_:)`).
    public func table(_ name: String) -> String {
        let whole = dialect.table(name)
        guard let segment else { return whole }
        let c = dialect.identifier
        if name == "message_statuses" {
            return """
                (SELECT * FROM \(whole) segment_rows WHERE \(c("message_id")) IN (SELECT sm.\(c("message_id")) FROM \(dialect.table("messages")) sm \
                WHERE \(segmentFilter("sm.\(c("contact_id"))", segment))))
                """
        }
        guard contactTables.contains(name) else { return whole }
        return "(SELECT * FROM \(whole) segment_rows WHERE \(segmentFilter(c("contact_id"), segment)))"
    }

    /// A table read over all data, segment or not: what names (authors, coaches, Journeys)
    /// and the first stored instant are resolved from.
    public func allData(_ name: String) -> String {
        dialect.table(name)
    }

    /// Whether the contact id `column` of a row is one of the segment's contacts:
    /// `column IN (SELECT contact_id FROM contacts WHERE …)`, the contacts rows meeting every
    /// condition. Only country conditions, all `ZZ`: every contact but those placed in a known
    /// region (`column NOT IN (…)`), so that contacts without a contacts row, `ZZ` on the
    /// SQLite path, are in it too.
    private func segmentFilter(_ column: String, _ segment: WarehouseSegment) -> String {
        let c = dialect.identifier
        let fields = segment.conditions.filter { $0.region == nil }
        if !segment.conditions.isEmpty, fields.isEmpty, segment.conditions.allSatisfy({ $0.region == "ZZ" }) {
            guard hasContacts else { return "1 = 1" }  // every contact is unknown
            return "\(column) NOT IN (SELECT sr.contact FROM (\(contactRegions(dialect.table("contacts")))) sr "
                + "WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)"
        }
        guard fields.isEmpty || contactsHaveFields, hasContacts || segment.conditions.isEmpty,
            fields.allSatisfy({ !$0.spellings.isEmpty })
        else {
            return "\(column) IN (SELECT z.contact FROM (SELECT '' AS contact) z WHERE 1 = 0)"  // nobody
        }
        let conditions = segment.conditions.enumerated().map { index, condition in
            if condition.region != nil {
                return "sk.\(c("contact_id")) IN (SELECT sr.contact FROM (\(contactRegions(dialect.table("contacts")))) sr "
                    + "WHERE sr.region = \(dialect.stringParameter("segment_region_\(index)")))"
            }
            let value = dialect.byCodePoint(dialect.jsonText("sk.\(c("fields"))", key: "segment_field_\(index)"))
            let spellings = condition.spellings.indices.map { dialect.stringParameter("segment_value_\(index)_\($0)") }
            return "\(value) IN (\(spellings.joined(separator: ", ")))"
        }
        return "\(column) IN (SELECT sk.\(c("contact_id")) FROM \(dialect.table("contacts")) sk WHERE "
            + (conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")) + ")"
    }

    /// The distinct stored values of a contact field (`field_key` parameter, as
    /// `SQLDialect.jsonKey` gives it) over all contacts: what a segment's spellings are
    /// chosen from.
    public var fieldValues: String {
        let c = dialect.identifier
        return """
            SELECT DISTINCT v.value
            FROM (SELECT \(dialect.jsonText("k.\(c("fields"))", key: "field_key")) AS value FROM \(dialect.table("contacts")) k) v
            WHERE v.value IS NOT NULL
            """
    }

    /// Per stored value of the field `breakdown_field` (NULL: contacts without it): the
    /// contacts holding it (column 1), and the numbers of the contacts with any activity in
    /// the period: active users, new users, messages received, goal completers, completed
    /// Journey runs, reached contacts (columns 2–7). Several rows may give one value: the
    /// caller adds them up.
    ///
    /// - parameter reached: whether to count reached contacts (only with statuses stored).
    public func breakdownCounts(reached: Bool) -> String {
        let c = dialect.identifier
        let holders =
            contactsHaveFields
            ? """
            SELECT k.\(c("contact_id")) AS contact, \(dialect.jsonText("k.\(c("fields"))", key: "breakdown_field")) AS value
                FROM \(table("contacts")) k
            """ : "SELECT '' AS contact, '' AS value"
        return breakdownCounts(holders: holders, none: !contactsHaveFields, reached: reached)
    }

    /// `breakdownCounts(reached:)` with the contacts' values given by `holders`
    /// (`SELECT contact, value`; `none`: it gives nobody).
    func breakdownCounts(holders: String, none: Bool, reached: Bool) -> String {
        let c = dialect.identifier
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        var facts: [String] = []
        if hasMessages {
            facts.append(
                """
                SELECT m.\(c("contact_id")) AS contact, COUNT(*) AS received, 0 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
                    FROM \(table("messages")) m
                    WHERE m.\(c("direction")) = 'inbound' AND m.\(c("timestamp")) >= \(from) AND m.\(c("timestamp")) < \(to)
                    GROUP BY m.\(c("contact_id"))
                """)
            facts.append(
                """
                SELECT f.contact AS contact, 0 AS received, 1 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
                    FROM (SELECT n.\(c("contact_id")) AS contact, MIN(n.\(c("timestamp"))) AS first_at FROM \(table("messages")) n
                      WHERE n.\(c("direction")) = 'inbound' GROUP BY n.\(c("contact_id"))) f
                    WHERE f.first_at >= \(from) AND f.first_at < \(to)
                """)
        }
        if hasGoalEvents {
            facts.append(
                """
                SELECT g.\(c("contact_id")) AS contact, 0 AS received, 0 AS new_user, 1 AS completer, 0 AS journeys, 0 AS reached
                    FROM \(table("goal_events")) g
                    WHERE g.\(c("event")) = 'completed' AND g.\(c("timestamp")) >= \(from) AND g.\(c("timestamp")) < \(to)
                    GROUP BY g.\(c("contact_id"))
                """)
        }
        if hasJourneyRuns {
            facts.append(
                """
                SELECT r.\(c("contact_id")) AS contact, 0 AS received, 0 AS new_user, 0 AS completer, COUNT(*) AS journeys, 0 AS reached
                    FROM \(table("journey_runs")) r
                    WHERE r.\(c("outcome")) = 'completed' AND r.\(c("started_at")) >= \(from) AND r.\(c("started_at")) < \(to)
                      AND r.\(c("ended_at")) IS NOT NULL AND r.\(c("ended_at")) < \(to)
                    GROUP BY r.\(c("contact_id"))
                """)
        }
        if hasMessages, reached {
            facts.append(
                """
                SELECT o.\(c("contact_id")) AS contact, 0 AS received, 0 AS new_user, 0 AS completer, 0 AS journeys, 1 AS reached
                    FROM \(table("messages")) o JOIN (\(reachedMessages)) d ON d.message_id = o.\(c("message_id"))
                    WHERE o.\(c("direction")) = 'outbound' AND o.\(c("timestamp")) >= \(from) AND o.\(c("timestamp")) < \(to)
                    GROUP BY o.\(c("contact_id"))
                """)
        }
        let values = """
            vals AS (
              SELECT x.contact, x.value
              FROM (
                \(holders)
              ) x
              WHERE x.value IS NOT NULL\(none ? " AND 1 = 0" : "")
            )
            """
        guard !facts.isEmpty else {
            return """
                WITH \(values)
                SELECT v.value, COUNT(*), 0, 0, 0, 0, 0, 0 FROM vals v GROUP BY v.value
                """
        }
        return """
            WITH facts AS (
              \(facts.joined(separator: "\n  UNION ALL\n  "))
            ),
            per_contact AS (
              SELECT a.contact, SUM(a.received) AS received, MAX(a.new_user) AS new_user, MAX(a.completer) AS completer,
                SUM(a.journeys) AS journeys, MAX(a.reached) AS reached
              FROM facts a GROUP BY a.contact
            ),
            \(values)
            SELECT v.value, COUNT(*), 0, 0, 0, 0, 0, 0 FROM vals v GROUP BY v.value
            UNION ALL
            SELECT v.value, 0, COUNT(CASE WHEN p.received > 0 THEN 1 END), SUM(p.new_user), SUM(p.received), SUM(p.completer),
              SUM(p.journeys), SUM(p.reached)
            FROM per_contact p LEFT JOIN vals v ON v.contact = p.contact
            GROUP BY v.value
            """
    }
}
