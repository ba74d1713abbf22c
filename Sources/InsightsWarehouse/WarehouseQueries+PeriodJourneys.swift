import InsightsMetrics

/// The Journeys block's templates grouped by period (`WarehouseQueries+Periods`): one query
/// each for all of an archive's months instead of the `WarehouseQueries+Journeys` ones per
/// month. Each gives, per period (`i` first), the rows its one-period template gives for that
/// period alone: runs begun in the period (`p.lo`…`p.hi`, within the span `from`…`to`)
/// counted at its end (`p.hi`), answers given in it.
extension WarehouseQueries {
    private func q(_ name: String) -> String { dialect.identifier(name) }
    private var periodRuns: String { table("journey_runs") }
    private var periodResults: String { table("journey_results") }

    /// The periods as a common table expression named `periods`.
    private var journeyPeriods: String { "periods AS (SELECT * FROM \(dialect.periodTable("pt")))" }

    /// `alias.column` within the span and within the period `p`.
    private func inPeriodOf(_ alias: String, _ column: String) -> String {
        let value = "\(alias).\(q(column))"
        return "\(value) >= \(dialect.timestampParameter("from")) AND \(value) < \(dialect.timestampParameter("to")) "
            + "AND \(value) >= p.lo AND \(value) < p.hi"
    }

    /// The run ended with one of `outcomes` before the end of the period `p`.
    private func endedBeforeEnd(_ alias: String, _ outcomes: String) -> String {
        "\(alias).\(q("ended_at")) < p.hi AND \(alias).\(q("outcome")) IN (\(outcomes))"
    }

    /// The Journeys with a run begun in each period (`started`: i, journey_id), once each.
    private var startedJourneys: String {
        """
        started AS (
          SELECT DISTINCT p.i AS i, r.\(q("journey_id")) AS journey_id
          FROM \(periodRuns) r CROSS JOIN periods p WHERE \(inPeriodOf("r", "started_at"))
        )
        """
    }

    /// Per period and Journey with a run begun in it (`journeyRunCounts`): i, `journey_id`,
    /// runs, distinct contacts, runs ended `completed`, `expired`, `interrupted` before the
    /// end of the period, runs with an outcome that is none of these, distinct `run_id`s.
    public var periodJourneyRunCounts: String {
        """
        WITH \(journeyPeriods)
        SELECT p.i, r.\(q("journey_id")), COUNT(*), COUNT(DISTINCT r.\(q("contact_id"))),
          COUNT(CASE WHEN \(endedBeforeEnd("r", "'completed'")) THEN 1 END),
          COUNT(CASE WHEN \(endedBeforeEnd("r", "'expired'")) THEN 1 END),
          COUNT(CASE WHEN \(endedBeforeEnd("r", "'interrupted'")) THEN 1 END),
          COUNT(CASE WHEN r.\(q("outcome")) NOT IN ('completed', 'expired', 'interrupted') THEN 1 END),
          COUNT(DISTINCT r.\(q("run_id")))
        FROM \(periodRuns) r CROSS JOIN periods p
        WHERE \(inPeriodOf("r", "started_at"))
        GROUP BY p.i, r.\(q("journey_id"))
        ORDER BY p.i
        """
    }

    /// Per period and Journey (`journeyMiddleDurations`): i, `journey_id`, the one or two
    /// middle durations (microseconds, ascending) of its runs begun in the period and
    /// completed before its end.
    public var periodJourneyMiddleDurations: String {
        let micros = dialect.epochMicroseconds
        return """
            WITH \(journeyPeriods)
            SELECT m.i, m.journey_id, m.duration
            FROM (
              SELECT d.i, d.journey_id, d.duration,
                ROW_NUMBER() OVER (PARTITION BY d.i, d.journey_id ORDER BY d.duration) AS nth,
                COUNT(*) OVER (PARTITION BY d.i, d.journey_id) AS total
              FROM (
                SELECT p.i AS i, r.\(q("journey_id")) AS journey_id,
                  \(micros("r.\(q("ended_at"))")) - \(micros("r.\(q("started_at"))")) AS duration
                FROM \(periodRuns) r CROSS JOIN periods p
                WHERE \(inPeriodOf("r", "started_at")) AND \(endedBeforeEnd("r", "'completed'"))
              ) d
            ) m
            WHERE m.nth BETWEEN \(dialect.integerDivision("m.total + 1", "2")) AND \(dialect.integerDivision("m.total", "2")) + 1
            ORDER BY m.i, m.journey_id, m.duration
            """
    }

    /// Per period and Journey (`journeyDropOff`): i, `journey_id`, place (1…5, 6 for the
    /// rest), trimmed `last_step` (`(unknown)` when empty; none for the rest) and runs, of
    /// its runs begun in the period that ended `expired` or `interrupted` before its end.
    public var periodJourneyDropOff: String {
        let step = "COALESCE(NULLIF(\(dialect.trim("r.\(q("last_step"))", charactersParameter: "blank")), ''), '(unknown)')"
        return """
            WITH \(journeyPeriods),
            steps AS (
              SELECT s.i, s.journey_id, s.label, COUNT(*) AS amount
              FROM (
                SELECT p.i AS i, r.\(q("journey_id")) AS journey_id, \(step) AS label
                FROM \(periodRuns) r CROSS JOIN periods p
                WHERE \(inPeriodOf("r", "started_at")) AND \(endedBeforeEnd("r", "'expired', 'interrupted'"))
              ) s
              GROUP BY s.i, s.journey_id, s.label
            ),
            ranked AS (
              SELECT p.i, p.journey_id, p.label, p.amount, 0 AS total,
                ROW_NUMBER() OVER (PARTITION BY p.i, p.journey_id ORDER BY p.amount DESC, \(dialect.byCodePoint("p.label"))) AS nth
              FROM steps p
            )
            \(topList(keys: ["i", "journey_id"], limit: JourneyMetrics.dropOffLimit))
            """
    }

    /// Per period, Journey with a run begun in it and question answered in it
    /// (`journeyAnswers`): i, journey, question, place (1…10, 11 for the rest), answer (none
    /// for the rest), users, respondents; each contact's newest answer in the period.
    public var periodJourneyAnswers: String {
        let answer = dialect.trim("x.\(q("answer"))", charactersParameter: "blank")
        let seq = resultsHaveSeq ? "CASE WHEN x.\(q("seq")) IS NULL THEN 1 ELSE 0 END DESC, x.\(q("seq")) DESC, " : ""
        return """
            WITH \(journeyPeriods),
            \(startedJourneys),
            newest AS (
              SELECT a.i, a.journey_id, a.question, a.label
              FROM (
                SELECT p.i AS i, x.\(q("journey_id")) AS journey_id, x.\(q("question")) AS question, \(answer) AS label,
                  ROW_NUMBER() OVER (
                    PARTITION BY p.i, x.\(q("journey_id")), x.\(q("question")), x.\(q("contact_id"))
                    ORDER BY x.\(q("timestamp")) DESC, \(seq)\(dialect.byCodePoint(answer)) DESC
                  ) AS newest
                FROM \(periodResults) x
                  JOIN started j ON j.journey_id = x.\(q("journey_id"))
                  JOIN periods p ON p.i = j.i
                WHERE \(inPeriodOf("x", "timestamp"))
              ) a
              WHERE a.newest = 1
            ),
            counted AS (
              SELECT n.i, n.journey_id, n.question, n.label, COUNT(*) AS amount
              FROM newest n GROUP BY n.i, n.journey_id, n.question, n.label
            ),
            ranked AS (
              SELECT c.i, c.journey_id, c.question, c.label, c.amount,
                SUM(c.amount) OVER (PARTITION BY c.i, c.journey_id, c.question) AS total,
                ROW_NUMBER() OVER (
                  PARTITION BY c.i, c.journey_id, c.question ORDER BY c.amount DESC, \(dialect.byCodePoint("c.label"))
                ) AS nth
              FROM counted c
            )
            \(topList(keys: ["i", "journey_id", "question"], limit: JourneyMetrics.answerLimit, extra: ", MIN(k.total)"))
            """
    }

    /// The name of each Journey with a run begun in any of the periods that has one
    /// (`journeyNames`, once for all periods: a name is resolved over all data).
    public var periodJourneyNames: String {
        """
        WITH \(journeyPeriods),
        \(startedJourneys)
        \(newestJourneyNames(among: "SELECT s.journey_id FROM started s"))
        """
    }

    /// Per period (`journeyResultsInPeriod`): i, the Journey results whose timestamp lies in
    /// it, rows identical in every column (`seq` aside) once.
    public var periodJourneyResults: String {
        """
        WITH \(journeyPeriods)
        SELECT d.i, COUNT(*)
        FROM (
          SELECT DISTINCT p.i AS i, x.\(q("contact_id")), x.\(q("journey_id")), COALESCE(x.\(q("run_id")), '') AS run_id,
            x.\(q("question")), x.\(q("answer")), x.\(q("timestamp"))
          FROM \(periodResults) x CROSS JOIN periods p
          WHERE \(inPeriodOf("x", "timestamp"))
        ) d
        GROUP BY d.i
        """
    }
}
