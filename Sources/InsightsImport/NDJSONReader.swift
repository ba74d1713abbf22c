import Foundation

/// Splits a file into non-blank lines and decodes each as one flat JSON object.
struct NDJSONReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next non-blank line and its 1-based number.
    mutating func nextLine() -> (number: Int, text: String)? {
        while position < bytes.count {
            line += 1
            let start = position
            while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            var end = position
            position += 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let slice = bytes[start..<end]
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return (line, String(decoding: slice, as: UTF8.self))
        }
        return nil
    }

    /// Decodes one line into its keys and scalar values.
    static func decode(_ text: String) -> Result<[String: JSONScalar], LineProblem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            return .failure(LineProblem(message: "the line is not valid JSON"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(LineProblem(message: "the line is JSON but not an object ({…})"))
        }
        var result: [String: JSONScalar] = [:]
        for (key, value) in dictionary {
            result[key] = JSONScalar(value)
        }
        return .success(result)
    }
}

/// A JSON value as a column value.
enum JSONScalar: Sendable, Equatable {
    case null
    case text(String)
    case nested

    init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let string as String: self = .text(string)
        case let number as NSNumber:
            if let exact = Int64(exactly: number.doubleValue), !number.stringValue.contains(".") {
                self = .text(String(exact))
            } else {
                self = .text(number.stringValue)
            }
        default: self = .nested
        }
    }
}

/// Why a line is not a JSON object.
struct LineProblem: Error {
    let message: String
}
