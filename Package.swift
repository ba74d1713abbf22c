// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Insights",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "insights", targets: ["InsightsCLI"]),
        // The performance benchmark: `swift run -c release insights-bench` (not part of `swift test`).
        .executable(name: "insights-bench", targets: ["InsightsBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // zlib from the system (Debian's zlib1g-dev) for reading .gz exports.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl from the system (Debian's libcurl4-openssl-dev) for SMTP with TLS.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // libcrypto from the system (Debian's libssl-dev) for the service-account JWT's RS256 signature.
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", providers: [.apt(["libssl-dev"])]),
        // libpq from the system (Debian's libpq-dev) for reports computed in PostgreSQL.
        .systemLibrary(name: "CPq", path: "Sources/CPq", providers: [.apt(["libpq-dev"])]),
        // Phone number → ISO region, from libphonenumber's metadata (generated data file).
        .target(name: "InsightsPhone", exclude: ["Scripts"]),
        // The one writer of CSV fields, JSON strings and RFC 3339 timestamps (export, rejects,
        // downloads, metrics.json, the demo). Knows no record and no file; dates are
        // InsightsMetrics' calendar (LocalDate).
        .target(name: "InsightsFormat", dependencies: ["InsightsMetrics"]),
        // Bytes → validated records: the one table reader and field parser. No SQL, no printing.
        .target(name: "InsightsImport", dependencies: ["CZlib", "InsightsMetrics", "InsightsFormat"]),
        // A Turn.io export → Insights' records (through InsightsImport's reader). No SQL.
        .target(name: "InsightsTurn", dependencies: ["InsightsImport", "InsightsMetrics", "InsightsFormat", "InsightsWarehouse"]),
        // RapidPro / TextIt archives and v2 API pages → Insights' records (InsightsImport's loader). No SQL.
        .target(name: "InsightsRapidPro", dependencies: ["InsightsImport", "InsightsMetrics"]),
        // Glific's BigQuery tables exported as NDJSON → Insights' records. No SQL.
        .target(name: "InsightsGlific", dependencies: ["InsightsImport", "InsightsMetrics", "InsightsWarehouse"]),
        // Pure metric computation over plain rows.
        .target(name: "InsightsMetrics"),
        // The SQLite database (GRDB): schema, atomic imports, period scans.
        .target(
            name: "InsightsStore",
            dependencies: [
                "InsightsImport", "InsightsMetrics", "InsightsPhone",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the scans of a report's rows (see PeriodScan).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // metrics.json and the HTML page from templates.
        .target(
            name: "InsightsRender",
            dependencies: [
                "InsightsMetrics", "InsightsPhone", "InsightsFormat",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // Reports computed where the data lives: the query templates, the dialects, the
        // warehouse source (aggregates only) and the DDL of the warehouse tables.
        .target(name: "InsightsWarehouse", dependencies: ["InsightsMetrics", "InsightsImport", "InsightsPhone"]),
        // The PostgreSQL connection of the warehouse source (libpq).
        .target(name: "InsightsPostgres", dependencies: ["InsightsWarehouse", "CPq"]),
        // A report's MIME message to its recipients through an SMTP server (libcurl).
        .target(name: "InsightsSend", dependencies: ["CCurl"]),
        // BigQuery's REST API (libcurl): queries with named parameters, paging, credentials, loading.
        .target(name: "InsightsBigQuery", dependencies: ["CCurl", "CCrypto", "InsightsMetrics", "InsightsWarehouse"]),
        // Deterministic synthetic helpline data in the import format.
        .target(name: "InsightsDemo", dependencies: ["InsightsFormat"]),
        // The commands' work, for the CLI, the benchmark and the tests: one job per command,
        // the one way to write a file and a report folder, exit statuses. No parsing, no printing.
        .target(
            name: "InsightsJobs",
            dependencies: [
                "InsightsImport", "InsightsTurn", "InsightsStore", "InsightsMetrics", "InsightsRender", "InsightsDemo",
                "InsightsFormat", "InsightsRapidPro", "InsightsGlific", "InsightsWarehouse",
            ]),
        // Parses the command line, calls a job, prints. No file writing, no SQL.
        .executableTarget(
            name: "InsightsCLI",
            dependencies: [
                "InsightsImport", "InsightsTurn", "InsightsStore", "InsightsMetrics", "InsightsJobs", "InsightsRender",
                "InsightsDemo", "InsightsSend", "InsightsWarehouse", "InsightsPostgres", "InsightsBigQuery", "InsightsRapidPro",
                "InsightsGlific",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "InsightsBench",
            dependencies: [
                "InsightsImport", "InsightsStore", "InsightsMetrics", "InsightsRender", "InsightsJobs",
                "InsightsWarehouse", "InsightsPostgres",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], exclude: ["Scripts"]),
        .testTarget(name: "InsightsBenchTests", dependencies: ["InsightsBench", "InsightsTestSupport"], exclude: ["Golden"]),
        .target(
            name: "InsightsTestSupport",
            dependencies: ["InsightsDemo", "InsightsMetrics"],
            path: "Tests/InsightsTestSupport"),
        .testTarget(name: "InsightsPhoneTests", dependencies: ["InsightsPhone"], exclude: ["Fixtures"]),
        .testTarget(name: "InsightsFormatTests", dependencies: ["InsightsFormat", "InsightsImport"]),
        .testTarget(name: "InsightsImportTests", dependencies: ["InsightsImport", "InsightsFormat", "InsightsTestSupport"]),
        .testTarget(
            name: "InsightsTurnTests", dependencies: ["InsightsTurn", "InsightsImport", "InsightsFormat", "InsightsTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "InsightsGlificTests",
            dependencies: [
                "InsightsGlific", "InsightsImport", "InsightsJobs", "InsightsStore", "InsightsMetrics",
                "InsightsTestSupport", "InsightsWarehouse",
            ], exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "InsightsRapidProTests",
            dependencies: [
                "InsightsRapidPro", "InsightsImport", "InsightsJobs", "InsightsStore", "InsightsMetrics",
                "InsightsTestSupport",
            ], exclude: ["Fixtures"]),
        .testTarget(name: "InsightsMetricsTests", dependencies: ["InsightsMetrics", "InsightsTestSupport"]),
        .testTarget(
            name: "InsightsStoreTests",
            dependencies: [
                "InsightsStore", "InsightsImport", "InsightsMetrics", "InsightsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "InsightsRenderTests", dependencies: ["InsightsRender", "InsightsMetrics", "InsightsTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "InsightsWarehouseTests",
            dependencies: [
                "InsightsWarehouse", "InsightsPostgres", "InsightsBigQuery", "InsightsStore", "InsightsImport", "InsightsMetrics",
                "InsightsRender", "InsightsJobs", "InsightsDemo", "InsightsTestSupport", "InsightsTurn", "InsightsGlific",
            ], exclude: ["Golden", "Scripts"]),
        .testTarget(name: "InsightsDemoTests", dependencies: ["InsightsDemo"]),
        .testTarget(
            name: "InsightsJobsTests",
            dependencies: ["InsightsJobs", "InsightsStore", "InsightsMetrics", "InsightsTestSupport"]),
        .testTarget(
            name: "InsightsSendTests", dependencies: ["InsightsSend", "InsightsTestSupport"], exclude: ["Scripts"]),
        .testTarget(
            name: "InsightsBigQueryTests", dependencies: ["InsightsBigQuery", "InsightsWarehouse", "InsightsTestSupport"], exclude: ["Scripts"]),
        .testTarget(
            name: "InsightsCLITests",
            dependencies: [
                "InsightsCLI", "InsightsDemo", "InsightsTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Scripts", "Golden"]),
    ]
)
