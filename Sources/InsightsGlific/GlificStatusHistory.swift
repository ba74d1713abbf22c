import InsightsImport
import InsightsMetrics

/// The statuses of Glific's outbound messages, read from every version of each message:
/// Glific appends a row to BigQuery whenever a message changes, so the versions' `bsp_status`
/// (`enqueued`, `sent`, `delivered`, `read` or `error`) are the message's status history.
///
/// Each version's word becomes the status `--status-map` says at that version's `updated_at`
/// (never before `inserted_at`); of the versions of one message giving one status the
/// earliest is kept (``GlificRules/isEarlier(_:than:)``), a failure with its `errors` text.
/// Which messages are outbound is their newest version's `flow` (an older version's `flow` is
/// not read); inbound messages give no statuses.
struct GlificStatusHistory {
    /// The statuses, message by message (in the order of `outbound`), each message's in time
    /// order (then reading order), each with the row it was made of.
    private(set) var statuses: [(record: MessageStatusRecord, origin: RecordOrigin)] = []
    /// Per word: the messages with it in any version, and its statuses kept from an older version.
    private(set) var uses: [GlificSummary.Use] = []
    /// Outbound messages with no `bsp_status` in any version.
    private(set) var withoutStatus = 0
    /// The words no map knows, in any version of an outbound message: each message once,
    /// first at the first such row read.
    private(set) var unknown = GlificTally()

    /// - Parameters:
    ///   - versions: every version of every message, in reading order.
    ///   - outbound: the newest version of each outbound message, in the order of the messages.
    init(versions: [GlificRead<GlificMessage>], outbound: [GlificRead<GlificMessage>], options: GlificImportOptions) {
        let newest = Dictionary(outbound.map { ($0.id, $0.order) }, uniquingKeysWith: { first, _ in first })
        var byID: [String: [GlificRead<GlificMessage>]] = [:]
        for version in versions where newest[version.id] != nil {
            byID[version.id, default: []].append(version)
            if let word = version.row.bspStatus?.lowercased(), options.statusMap[word] == nil {
                unknown.add(word, file: version.file, line: version.line, id: version.id)
            }
        }
        var uses: [String: GlificSummary.Use] = [:]
        for message in outbound {
            let versions = byID[message.id] ?? []
            var words: Set<String> = []
            var kept: [DeliveryStatus: GlificRead<GlificMessage>] = [:]
            for version in versions {
                guard let word = version.row.bspStatus?.lowercased(), let status = options.statusMap[word] else { continue }
                words.insert(word)
                guard let delivery = status.delivery else { continue }
                if let current = kept[delivery], !Self.isEarlier(version, than: current) { continue }
                kept[delivery] = version
            }
            if versions.allSatisfy({ $0.row.bspStatus == nil }) { withoutStatus += 1 }
            for word in words {
                let status = options.statusMap[word] ?? .none
                uses[
                    word,
                    default: .init(
                        value: word, mapped: status.rawValue, count: 0,
                        fromUser: GlificRules.builtInStatusMap[word] != status)
                ].count += 1
            }
            let inTimeOrder = kept.sorted {
                (Self.time(of: $0.value.row), $0.value.order) < (Self.time(of: $1.value.row), $1.value.order)
            }
            for (delivery, version) in inTimeOrder {
                let row = version.row
                statuses.append(
                    (
                        MessageStatusRecord(
                            messageID: message.id, status: delivery, timestamp: Self.time(of: row),
                            error: delivery == .failed ? row.errors : nil), version.origin
                    ))
                if version.order != message.order, let word = row.bspStatus?.lowercased() {
                    uses[word]?.fromOlderVersions += 1
                }
            }
        }
        self.uses = uses.values.sorted { $0.value < $1.value }
    }

    /// A version's status time: its `updated_at`, never before `inserted_at`.
    static func time(of row: GlificMessage) -> Instant {
        max(row.updatedAt ?? row.insertedAt, row.insertedAt)
    }

    static func isEarlier(_ candidate: GlificRead<GlificMessage>, than current: GlificRead<GlificMessage>) -> Bool {
        GlificRules.isEarlier(
            (time(of: candidate.row), candidate.bqInsertedAt, candidate.row.bqUUID, candidate.order),
            than: (time(of: current.row), current.bqInsertedAt, current.row.bqUUID, current.order))
    }
}
