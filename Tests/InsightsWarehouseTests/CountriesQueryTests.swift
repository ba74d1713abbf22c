import InsightsWarehouse
import Testing

/// The pieces of the countries query that differ between engines, and array parameters.
@Suite struct CountriesQueryTests {
    /// PostgreSQL reads array parameters from their text: quoted elements, `"` and `\` escaped.
    @Test func arrayParameterText() {
        #expect(WarehouseParameter.strings(["a", "b\"c", "d\\e", ""]).text == #"{"a","b\"c","d\\e",""}"#)
        #expect(WarehouseParameter.integers([1, -2]).text == "{1,-2}")
        #expect(WarehouseParameter.strings([]).text == "{}")
    }

    /// Zipped arrays: PostgreSQL's multi-argument `unnest`, GoogleSQL's `OFFSET`.
    @Test func arrayTables() {
        let columns: [(column: String, parameter: String, element: SQLDialect.ArrayElement)] = [
            ("p", "ps", .string), ("n", "ns", .integer),
        ]
        #expect(
            SQLDialect.postgres().arrayTable("t", columns)
                == "unnest(CAST(@ps AS text[]), CAST(@ns AS bigint[])) AS t(p, n)")
        #expect(
            SQLDialect.bigquery(dataset: "p.d").arrayTable("t", columns)
                == "(SELECT element AS p, @ns[OFFSET(element_offset)] AS n FROM UNNEST(@ps) AS element WITH OFFSET AS element_offset) AS t"
        )
        #expect(
            SQLDialect.postgres().integerSeries("s", column: "n", to: "m") == "generate_series(1, CAST(@m AS integer)) AS s(n)")
        #expect(
            SQLDialect.bigquery(dataset: "p.d").integerSeries("s", column: "n", to: "m")
                == "(SELECT n FROM UNNEST(GENERATE_ARRAY(1, @m)) AS n) AS s")
    }

    /// Without `phone` or `country` columns the query reads NULL in their place.
    @Test func withoutPhoneOrCountry() {
        let queries = WarehouseQueries(dialect: .postgres(schema: "helpline"))
        #expect(queries.countries().contains("k.\"phone\"") && queries.countries().contains("k.\"country\""))
        let noPhone = queries.countries(hasPhone: false)
        #expect(!noPhone.contains("k.\"phone\"") && noPhone.contains("TRANSLATE(CAST(NULL AS text)"))
        let noCountry = queries.countries(hasCountry: false)
        #expect(!noCountry.contains("k.\"country\"") && noCountry.contains("CAST(NULL AS text) AS country"))
    }
}
