import InsightsMetrics

/// The Journeys block's queries (`JourneyAggregate`): runs begun in the period counted at its
/// end, and the answers given in it. Steps and answers are trimmed in SQL with the `blank`
/// string parameter (`trimmedWhiteSpace`, the characters Insights trims) and cut to their
/// top lists, so the rows returned do not grow with the data.
extension WarehouseQueries {
    private func j(_ name: String) -> String { dialect.identifier(name) }
    private var runs: String { table("journey_runs") }
    private var results: String { table("journey_results") }

    private func startedInPeriod(_ alias: String) -> String {
        "\(alias).\(j("started_at")) >= \(dialect.timestampParameter("from")) AND \(alias).\(j("started_at")) < \(dialect.timestampParameter("to"))"
    }

    private func endedBefore(_ alias: String, _ outcomes: String) -> String {
        "\(alias).\(j("ended_at")) < \(dialect.timestampParameter("to")) AND \(alias).\(j("outcome")) IN (\(outcomes))"
    }

    /// Per Journey with a run begun in the period: `journey_id`, runs, distinct contacts,
    /// runs ended `completed`, `expired`, `interrupted` before the end of the period, runs
    /// with an outcome that is none of these (an error), and distinct `run_id`s (fewer than
    /// runs is an error: a run is one row).
    public var journeyRunCounts: String {
        let r = "r"
        return """
            SELECT r.\(j("journey_id")), COUNT(*), COUNT(DISTINCT r.\(j("contact_id"))),
              COUNT(CASE WHEN \(endedBefore(r, "'completed'")) THEN 1 END),
              COUNT(CASE WHEN \(endedBefore(r, "'expired'")) THEN 1 END),
              COUNT(CASE WHEN \(endedBefore(r, "'interrupted'")) THEN 1 END),
              COUNT(CASE WHEN r.\(j("outcome")) NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
              COUNT(DISTINCT r.\(j("run_id")))
            FROM \(runs) r
            WHERE \(startedInPeriod(r))
            GROUP BY r.\(j("journey_id"))
            """
    }

    /// Per Journey: the one or two middle durations (`ended_at − started_at`, microseconds,
    /// ascending) of its runs begun in the period and completed before its end.
    public var journeyMiddleDurations: String {
        let micros = dialect.epochMicroseconds
        return """
            SELECT m.journey_id, m.duration
            FROM (
              SELECT d.journey_id, d.duration, ROW_NUMBER() OVER (PARTITION BY d.journey_id ORDER BY d.duration) AS nth,
                COUNT(*) OVER (PARTITION BY d.journey_id) AS total
              FROM (
                SELECT r.\(j("journey_id")) AS journey_id, \(micros("r.\(j("ended_at"))")) - \(micros("r.\(j("started_at"))")) AS duration
                FROM \(runs) r
                WHERE \(startedInPeriod("r")) AND \(endedBefore("r", "'completed'"))
              ) d
            ) m
            WHERE m.nth BETWEEN \(dialect.integerDivision("m.total + 1", "2")) AND \(dialect.integerDivision("m.total", "2")) + 1
            ORDER BY m.journey_id, m.duration
            """
    }

    /// A top list's rows from `ranked` (`key…`, `label`, `amount`, `nth`: the place by amount
    /// descending, then label by code point): places 1…`limit` with their label, then one
    /// row of place `limit + 1` with no label summing the rest.
    func topList(keys: [String], limit: Int, extra: String = "") -> String {
        let keyList = keys.map { "k.\($0)" }.joined(separator: ", ")
        return """
            SELECT \(keyList), k.place, MIN(k.label), SUM(k.amount)\(extra)
            FROM (
              SELECT \(keys.map { "t.\($0)" }.joined(separator: ", ")), t.amount, t.total,
                CASE WHEN t.nth <= \(limit) THEN t.nth ELSE \(limit + 1) END AS place,
                CASE WHEN t.nth <= \(limit) THEN t.label END AS label
              FROM ranked t
            ) k
            GROUP BY \(keyList), k.place
            ORDER BY \(keyList), k.place
            """
    }

    /// Per Journey: its runs begun in the period that ended `expired` or `interrupted` before
    /// its end, by trimmed `last_step` (`(unknown)` when empty): journey, place (1…5, 6 for
    /// the rest), step (none for the rest), runs.
    public var journeyDropOff: String {
        let step = "COALESCE(NULLIF(\(dialect.trim("r.\(j("last_step"))", charactersParameter: "blank")), ''), '(unknown)')"
        return """
            WITH steps AS (
              SELECT s.journey_id, s.label, COUNT(*) AS amount
              FROM (
                SELECT r.\(j("journey_id")) AS journey_id, \(step) AS label
                FROM \(runs) r
                WHERE \(startedInPeriod("r")) AND \(endedBefore("r", "'expired', 'interrupted'"))
              ) s
              GROUP BY s.journey_id, s.label
            ),
            ranked AS (
              SELECT p.journey_id, p.label, p.amount, 0 AS total,
                ROW_NUMBER() OVER (PARTITION BY p.journey_id ORDER BY p.amount DESC, \(dialect.byCodePoint("p.label"))) AS nth
              FROM steps p
            )
            \(topList(keys: ["journey_id"], limit: JourneyMetrics.dropOffLimit))
            """
    }

    /// Per Journey with a run begun in the period and question answered in the period: each
    /// contact's newest answer (by timestamp, then the higher `seq`, a row without `seq`
    /// last, then the trimmed answer last by code point), trimmed, counted: journey,
    /// question, place (1…10, 11 for the rest), answer (none for the rest), users,
    /// respondents.
    public var journeyAnswers: String {
        let answer = dialect.trim("x.\(j("answer"))", charactersParameter: "blank")
        let seq = resultsHaveSeq ? "CASE WHEN x.\(j("seq")) IS NULL THEN 1 ELSE 0 END DESC, x.\(j("seq")) DESC, " : ""
        return """
            WITH newest AS (
              SELECT a.journey_id, a.question, a.label
              FROM (
                SELECT x.\(j("journey_id")) AS journey_id, x.\(j("question")) AS question, \(answer) AS label,
                  ROW_NUMBER() OVER (
                    PARTITION BY x.\(j("journey_id")), x.\(j("question")), x.\(j("contact_id"))
                    ORDER BY x.\(j("timestamp")) DESC, \(seq)\(dialect.byCodePoint(answer)) DESC
                  ) AS newest
                FROM \(results) x
                WHERE x.\(j("timestamp")) >= \(dialect.timestampParameter("from")) AND x.\(j("timestamp")) < \(dialect.timestampParameter("to"))
                  AND x.\(j("journey_id")) IN (SELECT r.\(j("journey_id")) FROM \(runs) r WHERE \(startedInPeriod("r")))
              ) a
              WHERE a.newest = 1
            ),
            counted AS (
              SELECT n.journey_id, n.question, n.label, COUNT(*) AS amount FROM newest n GROUP BY n.journey_id, n.question, n.label
            ),
            ranked AS (
              SELECT c.journey_id, c.question, c.label, c.amount,
                SUM(c.amount) OVER (PARTITION BY c.journey_id, c.question) AS total,
                ROW_NUMBER() OVER (PARTITION BY c.journey_id, c.question ORDER BY c.amount DESC, \(dialect.byCodePoint("c.label"))) AS nth
              FROM counted c
            )
            \(topList(keys: ["journey_id", "question"], limit: JourneyMetrics.answerLimit, extra: ", MIN(k.total)"))
            """
    }

    /// The name of each Journey with a run begun in the period that has one: the
    /// `journey_name` of its newest named run (by `started_at`, then `run_id` by code point),
    /// over all data.
    public var journeyNames: String {
        newestJourneyNames(among: "SELECT p.\(j("journey_id")) FROM \(runs) p WHERE \(startedInPeriod("p"))")
    }

    /// The `journey_name` of the newest named run (by `started_at`, then `run_id` by code
    /// point), over all data, of each Journey that `ids` (a query of one column) lists.
    func newestJourneyNames(among ids: String) -> String {
        """
        SELECT n.journey_id, n.journey_name
        FROM (
          SELECT r.\(j("journey_id")) AS journey_id, r.\(j("journey_name")) AS journey_name,
            ROW_NUMBER() OVER (
              PARTITION BY r.\(j("journey_id")) ORDER BY r.\(j("started_at")) DESC, \(dialect.byCodePoint("r.\(j("run_id"))")) DESC
            ) AS newest
          FROM \(allData("journey_runs")) r
          WHERE r.\(j("journey_name")) IS NOT NULL AND r.\(j("journey_name")) <> ''
            AND r.\(j("journey_id")) IN (\(ids))
        ) n
        WHERE n.newest = 1
        """
    }

    /// One row: 1 when any Journey run is stored (in any period, of any contact, as on SQLite).
    public var anyJourneyRun: String {
        "SELECT COUNT(*) FROM (SELECT 1 AS one FROM \(allData("journey_runs")) r LIMIT 1) x"
    }

    /// One row: the Journey results whose timestamp lies in the period, rows identical in
    /// every column (no `run_id` and an empty one alike, `seq` aside) once.
    public var journeyResultsInPeriod: String {
        """
        SELECT COUNT(*)
        FROM (
          SELECT DISTINCT x.\(j("contact_id")), x.\(j("journey_id")), COALESCE(x.\(j("run_id")), '') AS run_id,
            x.\(j("question")), x.\(j("answer")), x.\(j("timestamp"))
          FROM \(results) x
          WHERE x.\(j("timestamp")) >= \(dialect.timestampParameter("from")) AND x.\(j("timestamp")) < \(dialect.timestampParameter("to"))
        ) d
        """
    }
}
