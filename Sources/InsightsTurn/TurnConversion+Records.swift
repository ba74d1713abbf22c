import InsightsImport

extension TurnConversion {
    /// The kinds of the records, in import order, with each record and the Turn row it was
    /// made of (`TurnConversion.origins`), skipping kinds with no records: what
    /// `Store.importRecords` stores, one transaction per kind, through the same checks as a
    /// file of the kind.
    public var recordsByKind: [(kind: RecordKind, records: [SourcedRecord])] {
        var result: [(kind: RecordKind, records: [SourcedRecord])] = []
        func add(_ kind: RecordKind, _ records: [ImportRecord]) {
            guard !records.isEmpty else { return }
            let origins = self.origins[kind] ?? []
            let sourced = records.enumerated().map { index, record in
                SourcedRecord(
                    record,
                    from: index < origins.count
                        ? origins[index] : RecordOrigin(file: "the Turn export's \(kind.rawValue)", line: index + 1))
            }
            result.append((kind, sourced))
        }
        add(.goals, goals.map(ImportRecord.goal))
        add(.behaviours, behaviours.map(ImportRecord.behaviour))
        add(.contacts, contacts.map(ImportRecord.contact))
        add(.messages, messages.map(ImportRecord.message))
        add(.messageStatuses, messageStatuses.map(ImportRecord.messageStatus))
        add(.conversationEvents, conversationEvents.map(ImportRecord.conversationEvent))
        add(.goalEvents, goalEvents.map(ImportRecord.goalEvent))
        add(.journeyRuns, journeyRuns.map(ImportRecord.journeyRun))
        add(.journeyResults, journeyResults.map(ImportRecord.journeyResult))
        return result
    }
}
