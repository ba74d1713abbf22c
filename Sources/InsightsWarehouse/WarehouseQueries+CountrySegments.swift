import InsightsPhone

/// Countries as a segment condition (`--segment country=KE`), a breakdown field
/// (`--breakdown country`) and the values of `archive --per country`: every contact is placed
/// in the region the SQLite path stores in `contacts.region` at import, its `country` when
/// set, else its phone number's region (`PhoneRegions.prefixTable`, sent as array
/// parameters, the same rule as `countries(hasPhone:hasCountry:)`), else `ZZ`. A contact
/// known only from its activity (no contacts row: a stub on the SQLite path) is `ZZ`.
extension WarehouseQueries {
    /// The parameters `contactRegions(_:)` takes: the prefix table's columns as arrays, its
    /// longest prefix, the digit translation.
    public static var regionParameters: [String: WarehouseParameter] {
        let table = PhoneRegions.prefixTable
        return [
            "phone_prefixes": .strings(table.rows.map(\.prefix)),
            "phone_min_lengths": .integers(table.rows.map { Int64($0.minLength) }),
            "phone_max_lengths": .integers(table.rows.map { Int64($0.maxLength) }),
            "phone_regions": .strings(table.rows.map(\.region)),
            "max_prefix_length": .integer(Int64(table.maxPrefixLength)),
            "digit_sources": .string(PhoneRegions.digitTranslation.sources),
            "digit_targets": .string(PhoneRegions.digitTranslation.targets),
        ]
    }

    /// `SELECT contact, region` for every row of `contacts` (a table or a subquery with the
    /// contacts' columns): the stored `country` upper-cased when set, else the region of the
    /// longest prefix of the phone number's digits (read as `countries(…)` reads them) whose
    /// length range holds their count, else `ZZ`. Written without `WITH`, as it is nested
    /// in other queries (a segment's subquery). The digits are read in a `DISTINCT`
    /// subquery: PostgreSQL cannot pull it up into the prefix join, so `TRANSLATE` (over the
    /// few hundred decimal digits of Unicode) runs once per contact, not once per contact and
    /// prefix length (which took seconds for 300 contacts).
    public func contactRegions(_ contacts: String) -> String {
        let c = dialect.identifier
        let none = "CAST(NULL AS \(WarehouseSchema.name(of: .text, in: dialect.engine)))"
        func country(_ alias: String) -> String {
            contactsHaveCountry ? "UPPER(NULLIF(\(alias).\(c("country")), ''))" : none
        }
        let phone = contactsHavePhone ? "rk.\(c("phone"))" : none
        let translated =
            "TRANSLATE(\(phone), \(dialect.stringParameter("digit_sources")), \(dialect.stringParameter("digit_targets")))"
        let prefixes = dialect.arrayTable(
            "rt",
            [
                ("prefix", "phone_prefixes", .string), ("min_length", "phone_min_lengths", .integer),
                ("max_length", "phone_max_lengths", .integer), ("region", "phone_regions", .string),
            ])
        return """
            SELECT rc.\(c("contact_id")) AS contact, COALESCE(\(country("rc")), rp.region, 'ZZ') AS region
            FROM \(contacts) rc LEFT JOIN (
              SELECT rl.contact, rl.region
              FROM (
                SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
                FROM (
                  SELECT DISTINCT rn.contact,
                    CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
                  FROM (
                    SELECT rk.\(c("contact_id")) AS contact, \(dialect.matches(translated, pattern: "^[^0-9+]*[+]")) AS plus,
                      \(dialect.asciiDigits(translated)) AS digits
                    FROM \(contacts) rk WHERE \(country("rk")) IS NULL
                  ) rn
                ) ri
                CROSS JOIN \(dialect.integerSeries("rs", column: "n", to: "max_prefix_length"))
                JOIN \(prefixes) ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
                WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
              ) rl
              WHERE rl.longest = 1
            ) rp ON rp.contact = rc.\(c("contact_id"))
            """
    }

    /// `SELECT contact` of the distinct contacts of the contact tables present (read through
    /// `table(_:)`, so of the segment) that have no contacts row: `ZZ` on the SQLite path,
    /// which stores a row for each. Nil when no such table is present.
    func contactsWithoutRow() -> String? {
        let c = dialect.identifier
        var present: [String] = []
        if hasMessages { present.append("messages") }
        if hasConversationEvents { present.append("conversation_events") }
        if hasGoalEvents { present.append("goal_events") }
        if hasJourneyRuns { present.append("journey_runs") }
        if hasJourneyResults { present.append("journey_results") }
        guard !present.isEmpty else { return nil }
        let known = present.enumerated().map { index, name in
            "SELECT u\(index).\(c("contact_id")) AS contact FROM \(table(name)) u\(index)"
        }
        let without =
            hasContacts
            ? " AND u.contact NOT IN (SELECT sc.\(c("contact_id")) FROM \(dialect.table("contacts")) sc WHERE sc.\(c("contact_id")) IS NOT NULL)"
            : ""
        return """
            SELECT u.contact
                FROM (
                  \(known.joined(separator: "\n      UNION DISTINCT\n      "))
                ) u
                WHERE u.contact IS NOT NULL\(without)
            """
    }

    /// `breakdownCounts(reached:)` by country: each contact of the segment (all of them,
    /// those without a contacts row as `ZZ`) holds its region (`regionParameters`).
    public func countryBreakdownCounts(reached: Bool) -> String {
        var holders: [String] = []
        if hasContacts {
            holders.append("SELECT r.contact AS contact, r.region AS value FROM (\(contactRegions(table("contacts")))) r")
        }
        if let stubs = contactsWithoutRow() {
            holders.append("SELECT s.contact AS contact, 'ZZ' AS value FROM (\(stubs)) s")
        }
        guard !holders.isEmpty else {
            return breakdownCounts(holders: "SELECT '' AS contact, '' AS value", none: true, reached: reached)
        }
        return breakdownCounts(holders: holders.joined(separator: "\n    UNION ALL\n    "), none: false, reached: reached)
    }

    /// Per region, the contacts placed there, over all data (those without a contacts row
    /// in `ZZ`): the values of `archive --per country` (`regionParameters`).
    public var regionCounts: String {
        var placed: [String] = []
        if hasContacts {
            placed.append("SELECT r.region AS region FROM (\(contactRegions(dialect.table("contacts")))) r")
        }
        var unsegmented = self
        unsegmented.segment = nil
        if let stubs = unsegmented.contactsWithoutRow() {
            placed.append("SELECT 'ZZ' AS region FROM (\(stubs)) s")
        }
        if placed.isEmpty { placed.append("SELECT 'ZZ' AS region FROM (SELECT 1 AS x) z WHERE 1 = 0") }
        return """
            SELECT p.region, COUNT(*)
            FROM (
              \(placed.joined(separator: "\n  UNION ALL\n  "))
            ) p
            GROUP BY p.region
            """
    }

    /// Per stored value of the contact field `field_key` (as `SQLDialect.jsonKey` gives it),
    /// over all contacts: the contacts holding it. The values of `archive --per FIELD`,
    /// grouped in Swift ignoring case and surrounding spaces as the SQLite path groups them.
    public var fieldValueCounts: String {
        let c = dialect.identifier
        return """
            SELECT v.value, COUNT(*)
            FROM (SELECT \(dialect.jsonText("k.\(c("fields"))", key: "field_key")) AS value FROM \(dialect.table("contacts")) k) v
            WHERE v.value IS NOT NULL
            GROUP BY v.value
            """
    }
}
