import Foundation
import InsightsMetrics

/// The choices of a Glific import.
public struct GlificImportOptions: Sendable {
    /// The organisation's zone (`--source-timezone`), in which every DATETIME is read.
    public let zone: TimeZone
    /// Author sources → author types (`--author-map`), over ``GlificRules/builtInAuthorMap``.
    public let authorMap: [String: AuthorType]
    /// `bsp_status` words → statuses (`--status-map`), over ``GlificRules/builtInStatusMap``.
    public let statusMap: [String: GlificStatus]
    /// `tickets.status` words → closed or not (`--ticket-map`), over ``GlificRules/builtInTicketMap``.
    public let ticketMap: [String: Bool]
    /// The most row problems listed per file.
    public let issueLimit = 20

    /// Creates options; the maps are added to the built-in ones (keys lower-cased).
    public init(
        zone: TimeZone, authorMap: [String: AuthorType] = [:], statusMap: [String: GlificStatus] = [:],
        ticketMap: [String: Bool] = [:]
    ) {
        self.zone = zone
        self.authorMap = GlificRules.builtInAuthorMap.merging(authorMap) { _, given in given }
        self.statusMap = GlificRules.builtInStatusMap.merging(
            Dictionary(statusMap.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        ) { _, given in given }
        self.ticketMap = GlificRules.builtInTicketMap.merging(
            Dictionary(ticketMap.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        ) { _, given in given }
    }

    /// `a=b,c=d` pairs, each value checked by `value`.
    /// - Throws: `GlificOptionError` naming the option and the pair.
    public static func parsePairs<Value>(
        _ text: String, option: String, expected: String, value: (String) -> Value?
    ) throws(GlificOptionError) -> [String: Value] {
        var result: [String: Value] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw GlificOptionError(message: "\(option): \"\(pair)\" is not KEY=value")
            }
            guard let mapped = value(parts[1].lowercased()) else {
                throw GlificOptionError(message: "\(option): \"\(parts[1])\" is not one of \(expected)")
            }
            result[parts[0].lowercased()] = mapped
        }
        return result
    }
}

/// A Glific option that cannot be used.
public struct GlificOptionError: Error, Sendable {
    /// One sentence, without the final full stop.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }
}
