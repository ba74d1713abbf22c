extension WarehouseQueries {
    /// Per region: the period's active contacts (an inbound message in it) placed there.
    ///
    /// A contact's region is its `country` when set, else its phone number's, else `ZZ`, as
    /// import works out `contacts.region`. The number is read as `PhoneRegions` reads it:
    /// every decimal digit (the `digit_sources` parameter's characters translated to the
    /// `digit_targets` ASCII digits, the fullwidth plus to `+`), a leading `00` dropped
    /// unless a `+` comes before the first digit. Its region is the row of
    /// `PhoneRegions.prefixTable` (sent as the arrays `phone_prefixes`, `phone_min_lengths`,
    /// `phone_max_lengths`, `phone_regions`) with the longest prefix that starts the digits
    /// among those whose length range holds their count (a row's region may be `ZZ`).
    /// Prefixes are looked up by equality, one per length from 1 to `max_prefix_length`, so
    /// the join is a hash join, not a scan of the table per contact.
    ///
    /// - Parameters:
    ///   - hasPhone: whether `contacts` has the `phone` column.
    ///   - hasCountry: whether it has `country`.
    public func countries(hasPhone: Bool = true, hasCountry: Bool = true) -> String {
        let c = dialect.identifier
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        return """
            WITH active AS (
              SELECT DISTINCT m.\(c("contact_id")) AS contact
              FROM \(table("messages")) m
              WHERE m.\(c("direction")) = 'inbound' AND m.\(c("timestamp")) >= \(from) AND m.\(c("timestamp")) < \(to)
            ),
            \(placedContacts(hasPhone: hasPhone, hasCountry: hasCountry))
            SELECT r.region, COUNT(DISTINCT r.contact)
            FROM (
              SELECT i.contact, COALESCE(i.country, p.region, 'ZZ') AS region
              FROM international i LEFT JOIN placed p ON p.contact = i.contact AND p.longest = 1
            ) r
            GROUP BY r.region
            """
    }

    /// Per period (`WarehouseQueries+Periods`): i, region, the period's active contacts placed
    /// there (`countries(hasPhone:hasCountry:)` of each period). Each contact active in any
    /// period is placed once; a contact without an id (no region row) is `ZZ`, as there.
    public func periodCountries(hasPhone: Bool = true, hasCountry: Bool = true) -> String {
        let c = dialect.identifier
        let at = "m.\(c("timestamp"))"
        let span = "\(at) >= \(dialect.timestampParameter("from")) AND \(at) < \(dialect.timestampParameter("to"))"
        return """
            WITH periods AS (SELECT * FROM \(dialect.periodTable("pt"))),
            period_active AS (
              SELECT DISTINCT p.i AS i, m.\(c("contact_id")) AS contact
              FROM \(table("messages")) m CROSS JOIN periods p
              WHERE m.\(c("direction")) = 'inbound' AND \(span) AND \(at) >= p.lo AND \(at) < p.hi
            ),
            active AS (SELECT DISTINCT a.contact FROM period_active a),
            \(placedContacts(hasPhone: hasPhone, hasCountry: hasCountry))
            SELECT c.i, c.region, COUNT(DISTINCT c.contact)
            FROM (
              SELECT a.i, a.contact, COALESCE(r.region, 'ZZ') AS region
              FROM period_active a LEFT JOIN (
                SELECT i.contact, COALESCE(i.country, p.region, 'ZZ') AS region
                FROM international i LEFT JOIN placed p ON p.contact = i.contact AND p.longest = 1
              ) r ON r.contact = a.contact
            ) c
            GROUP BY c.i, c.region
            """
    }

    /// The common table expressions from `active` (the contacts, one row each) to `placed`
    /// (each contact without a country with the regions of its number's prefixes, the
    /// longest first) and `international` (contact, country, digits).
    private func placedContacts(hasPhone: Bool, hasCountry: Bool) -> String {
        let c = dialect.identifier
        let none = "CAST(NULL AS \(WarehouseSchema.name(of: .text, in: dialect.engine)))"
        let phone = hasPhone ? "k.\(c("phone"))" : none
        let country = hasCountry ? "UPPER(NULLIF(k.\(c("country")), ''))" : none
        let prefixes = dialect.arrayTable(
            "t",
            [
                ("prefix", "phone_prefixes", .string), ("min_length", "phone_min_lengths", .integer),
                ("max_length", "phone_max_lengths", .integer), ("region", "phone_regions", .string),
            ])
        return """
            numbers AS (
              SELECT a.contact, \(country) AS country,
                TRANSLATE(\(phone), \(dialect.stringParameter("digit_sources")), \(dialect.stringParameter("digit_targets"))) AS phone
              FROM active a LEFT JOIN \(table("contacts")) k ON k.\(c("contact_id")) = a.contact
            ),
            digits AS (
              SELECT n.contact, n.country, \(dialect.matches("n.phone", pattern: "^[^0-9+]*[+]")) AS plus,
                \(dialect.asciiDigits("n.phone")) AS digits
              FROM numbers n
            ),
            international AS (
              SELECT d.contact, d.country,
                CASE WHEN NOT d.plus AND SUBSTR(d.digits, 1, 2) = '00' THEN SUBSTR(d.digits, 3) ELSE d.digits END AS digits
              FROM digits d
            ),
            placed AS (
              SELECT i.contact, t.region, ROW_NUMBER() OVER (PARTITION BY i.contact ORDER BY s.n DESC) AS longest
              FROM international i
              CROSS JOIN \(dialect.integerSeries("s", column: "n", to: "max_prefix_length"))
              JOIN \(prefixes) ON t.prefix = SUBSTR(i.digits, 1, s.n)
              WHERE i.country IS NULL AND s.n <= LENGTH(i.digits)
                AND LENGTH(i.digits) >= t.min_length AND LENGTH(i.digits) <= t.max_length
            )
            """
    }
}
