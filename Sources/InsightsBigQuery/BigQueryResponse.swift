import Foundation

extension BigQueryClient {
    /// `schema.fields` of a query's answer.
    static func fields(_ schema: JSONValue?, url: String) throws(BigQueryError) -> [BigQueryField] {
        guard let schema else { return [] }
        guard let list = schema["fields"]?.arrayValue else {
            throw BigQueryError(.malformedResponse(url: url, detail: "schema has no fields"))
        }
        var fields: [BigQueryField] = []
        for item in list {
            guard let name = item["name"]?.stringValue, let type = item["type"]?.stringValue else {
                throw BigQueryError(.malformedResponse(url: url, detail: "a schema field has no name or type"))
            }
            fields.append(BigQueryField(name: name, type: type, mode: item["mode"]?.stringValue ?? "NULLABLE"))
        }
        return fields
    }

    /// `rows` of a page: `[{"f": [{"v": …}, …]}, …]` → one text (or nil) per cell. A REPEATED
    /// or RECORD cell comes back as JSON text of its values.
    static func rows(_ rows: JSONValue?, columns: Int, url: String) throws(BigQueryError) -> [[String?]] {
        guard let rows, rows != .null else { return [] }
        guard let list = rows.arrayValue else { throw BigQueryError(.malformedResponse(url: url, detail: "rows is not a list")) }
        var result: [[String?]] = []
        result.reserveCapacity(list.count)
        for (index, row) in list.enumerated() {
            guard let cells = row["f"]?.arrayValue, cells.count == columns else {
                throw BigQueryError(
                    .malformedResponse(url: url, detail: "row \(index + 1) of a page does not have the schema's \(columns) cells")
                )
            }
            result.append(cells.map { cell in plain(cell["v"] ?? .null).cellText })
        }
        return result
    }

    /// A nested cell without its `{"v": …}` / `{"f": […]}` wrappers.
    private static func plain(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map { plain($0["v"] ?? $0) })
        case .object(let members):
            if let cells = members["f"]?.arrayValue { return .array(cells.map { plain($0["v"] ?? .null) }) }
            return value
        default: return value
        }
    }
}

/// Turns an HTTP error's status and body (`{"error": {"code", "message", "errors": [{"reason"}]}}`)
/// into the error a user can act on.
enum BigQueryResponseError {
    static func error(status: Int, body: Data, configuration: BigQueryConfiguration) -> BigQueryError {
        let json = JSONValue.parse(body)
        let error = json?["error"]
        let message =
            error?["message"]?.stringValue ?? error?["errors"]?.arrayValue?.first?["message"]?.stringValue
            ?? String(decoding: body.prefix(300), as: UTF8.self)
        let reasons = (error?["errors"]?.arrayValue ?? []).compactMap { $0["reason"]?.stringValue }
        if reasons.contains("bytesBilledLimitExceeded") {
            return BigQueryError(.bytesBilledLimitExceeded(limit: configuration.maximumBytesBilled, message: message))
        }
        if status == 429 || reasons.contains(where: { ["quotaExceeded", "rateLimitExceeded"].contains($0) }) {
            return BigQueryError(.quotaExceeded(message: message))
        }
        if status == 401 || status == 403 {
            return BigQueryError(.tokenRefused(status: status, source: configuration.credentials.origin, message: message))
        }
        if status == 404 || reasons.contains("notFound") {
            if let found = notFound(message) {
                return BigQueryError(.notFound(kind: found.kind, name: found.name, location: found.location))
            }
            return BigQueryError(.notFound(kind: "Table or dataset", name: message, location: nil))
        }
        if reasons.contains("invalidQuery") || reasons.contains("invalid") && status == 400 {
            return BigQueryError(.invalidQuery(message: message))
        }
        if json != nil && error == nil {
            return BigQueryError(
                .malformedResponse(url: configuration.endpoint, detail: "HTTP \(status) without an error object"))
        }
        return BigQueryError(.http(status: status, reason: reasons.first, message: message))
    }

    /// `Not found: Table p:d.t was not found in location US` → ("Table", "p:d.t", "US").
    static func notFound(_ message: String) -> (kind: String, name: String, location: String?)? {
        let words = message.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(of: "found:"), at + 2 < words.count else { return nil }
        let kind = words[at + 1]
        guard ["Table", "Dataset", "Project", "Job", "View", "Routine"].contains(kind) else { return nil }
        var name = words[at + 2]
        while name.hasSuffix(".") || name.hasSuffix(";") || name.hasSuffix(",") { name.removeLast() }
        var location: String?
        if let place = words.lastIndex(of: "location"), place + 1 < words.count {
            location = words[place + 1].trimmingCharacters(in: CharacterSet(charactersIn: ".;,"))
        }
        return (kind, name, location)
    }
}
