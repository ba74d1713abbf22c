import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsPhone

extension Store {
    /// Imports records of one kind made by another source (a Turn or RapidPro export, a
    /// warehouse table) in one transaction, exactly as a file of the kind is imported: every
    /// record is checked by the rows' rules (`RecordDecoder.check(_:line:)`), then by the rules
    /// that need stored data; importing the same records again replaces them; any invalid
    /// record (without `skipInvalid`) or failure stores none of them.
    ///
    /// Every message about a record names its origin (`FILE:LINE` of the source row);
    /// `source` names the records as a whole (`the Turn export's messages`), in the summary
    /// and in messages about all of them.
    ///
    /// - Parameter progress: called every 10,000 records with the records read so far.
    public func importRecords<Records: Sequence<SourcedRecord>>(
        _ records: Records, kind: RecordKind, source: String, options: ImportOptions = .init(),
        progress: (Int) -> Void = { _ in }
    ) throws(ImportError) -> ImportSummary {
        let decoder = RecordDecoder(kind: kind, timestamps: TimestampParser())
        let phones = PhoneRegions.shared
        var iterator = records.makeIterator()
        var ended = false
        return try importRows(source: source, kind: kind, options: options, progress: progress) {
            guard !ended else { return .end(unknownColumns: []) }
            var batch: [DecodedRow] = []
            batch.reserveCapacity(4096)
            while batch.count < 4096, let sourced = iterator.next() {
                let (row, decoded) = decoder.check(sourced.record, line: sourced.origin.line)
                batch.append(DecodedRow(row: row, file: sourced.origin.file, decoded: decoded, phones: phones))
            }
            if batch.isEmpty {
                ended = true
                return .end(unknownColumns: [])
            }
            return .rows(batch)
        }
    }
}
