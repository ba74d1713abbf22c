import Foundation

/// The newest archive month's `report.eml` as `insights archive --send` sends it: once for
/// each version of that month's report. What was last sent is remembered beside the archive's
/// stamp, in `DIR/.insights-archive-sent`: one line `YYYY-MM FINGERPRINT`, written only once
/// someone got the message. The fingerprint (FNV-1a, 64 bits) is of the month's
/// `metrics.json`, the numbers the message reports, not of the message's bytes: those also
/// show when data was last imported, which a scheduled run that imports the same export
/// again (retrying a failed publish) changes without changing the report.
public struct ArchiveDelivery: Equatable, Sendable {
    /// The month (`YYYY-MM`).
    public let month: String
    /// The month's `report.eml` bytes.
    public let message: Data
    /// Where they were read from (for messages).
    public let path: String
    /// The fingerprint of the month's `metrics.json`.
    public let fingerprint: String

    /// The name of the record in the archive folder.
    public static let recordName = ".insights-archive-sent"

    /// The `report.eml` of `month` in the archive `folder`, or nil when exactly that message
    /// was the last one sent.
    public static func pending(in folder: URL, month: String) throws(JobError) -> ArchiveDelivery? {
        let file = folder.appendingPathComponent("\(month)/report.eml")
        guard let message = FileManager.default.contents(atPath: file.path) else {
            throw JobError.unreadable(path: file.path)
        }
        let metrics = folder.appendingPathComponent("\(month)/metrics.json")
        guard let numbers = FileManager.default.contents(atPath: metrics.path) else {
            throw JobError.unreadable(path: metrics.path)
        }
        let delivery = ArchiveDelivery(month: month, message: message, path: file.path, fingerprint: fingerprint(of: numbers))
        let record = try? String(contentsOf: folder.appendingPathComponent(recordName), encoding: .utf8)
        return record == delivery.recordText ? nil : delivery
    }

    /// Remembers that this message was sent, so that a run with the same report sends nothing.
    public func recordSent(in folder: URL) throws(JobError) {
        try AtomicFile.write(recordText, to: folder.appendingPathComponent(Self.recordName))
    }

    private var recordText: String { "\(month) \(fingerprint)\n" }

    /// FNV-1a (64 bits) of `bytes`, in hexadecimal.
    static func fingerprint(of bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
