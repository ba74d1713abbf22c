import Foundation
import GRDB
import InsightsImport
import InsightsMetrics

extension RowWriter {
    /// Stores a message status, a Journey run or a Journey result: true when new, false when
    /// it replaced a row (a status identical in message, status and instant gets the new
    /// error; a run of the same id is replaced whole; an identical result is the same row).
    /// Statuses are held back and written a batch at a time (`flushStatuses`): each is
    /// counted new, and `replacedInBatches` says how many of those were not.
    ///
    /// A status names its message by id and needs no stored message: it counts once the
    /// message exists. Runs and results, like messages, create a contact with no phone for
    /// an unknown contact id.
    mutating func writeJourneyKinds(_ record: ImportRecord) throws -> Bool {
        switch record {
        case .messageStatus(let status):
            // Written in batches: counted new here, corrected when a batch finds some stored.
            if statuses.add(status) { try flushStatuses() }
            return true
        case .journeyRun(let run):
            let contact = try contactKey(run.contactID, create: true) ?? 0
            return try upsert(
                insert: """
                    INSERT INTO journey_runs(contact, journey_id, journey_name, started_at, ended_at, outcome, last_step, run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                update: """
                    UPDATE journey_runs SET contact = ?, journey_id = ?, journey_name = ?, started_at = ?, ended_at = ?,
                    outcome = ?, last_step = ? WHERE run_id = ?
                    """,
                arguments: [
                    contact, run.journeyID, run.journeyName, run.startedAt, run.endedAt, run.outcome?.rawValue,
                    run.lastStep, run.runID,
                ])
        case .journeyResult(let result):
            let contact = try contactKey(result.contactID, create: true) ?? 0
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO journey_results(contact, journey_id, run_id, question, answer, ts, seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                contact, result.journeyID, result.runID, result.question, result.answer, result.timestamp, result.seq,
            ])
            return db.changesCount == 1
        default:
            return false
        }
    }

    /// Stores a contact's fields, in the order given; with `replacing`, its stored fields are
    /// removed first (a later import of the contact replaces its fields whole).
    func writeFields(_ fields: [ContactField], of contact: ContactKey, replacing: Bool) throws {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM contact_fields WHERE contact = ?").execute(arguments: [contact])
        }
        guard !fields.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: "INSERT INTO contact_fields(contact, field, value, value_folded) VALUES (?, ?, ?, ?)")
        for field in fields {
            try insert.execute(arguments: [contact, field.name, field.value, Store.foldedFieldValue(field.value)])
        }
    }
}

extension Store {
    /// A field value as segments compare it: surrounding white space trimmed, lower-cased.
    public static func foldedFieldValue(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
