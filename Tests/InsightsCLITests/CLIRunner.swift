import Foundation
import InsightsTestSupport
import Testing

/// Runs the built `insights` executable, as a user would.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the built products (the test bundle sits beside them).
    static var productsDirectory: URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    static var executable: URL { productsDirectory.appendingPathComponent("insights") }

    /// Runs `insights ARGUMENTS` in `directory`.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Compares `expected` (a subset) with `actual`: every key present and equal, numbers within
/// a relative 1e-6. Returns one line per difference, with its key path.
func differences(expected: Any, actual: Any?, path: String = "$") -> [String] {
    switch expected {
    case let object as [String: Any]:
        guard let actualObject = actual as? [String: Any] else {
            return ["\(path): expected an object, got \(String(describing: actual))"]
        }
        return object.keys.sorted().flatMap { key in
            differences(expected: object[key] as Any, actual: actualObject[key], path: "\(path).\(key)")
        }
    case let array as [Any]:
        guard let actualArray = actual as? [Any] else { return ["\(path): expected an array, got \(String(describing: actual))"] }
        guard array.count == actualArray.count else {
            return ["\(path): expected \(array.count) elements, got \(actualArray.count)"]
        }
        return zip(array, actualArray).enumerated().flatMap { index, pair in
            differences(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]")
        }
    case is NSNull:
        return actual is NSNull ? [] : ["\(path): expected null, got \(String(describing: actual))"]
    case let string as String:
        return (actual as? String) == string ? [] : ["\(path): expected \"\(string)\", got \(String(describing: actual))"]
    case let number as NSNumber:
        guard let other = actual as? NSNumber, !(actual is String) else {
            return ["\(path): expected \(number), got \(String(describing: actual))"]
        }
        let a = number.doubleValue
        let b = other.doubleValue
        let tolerance = 1e-6 * max(abs(a), abs(b))
        return abs(a - b) <= tolerance ? [] : ["\(path): expected \(number), got \(other)"]
    default:
        return ["\(path): unexpected value \(expected)"]
    }
}

/// Parses a JSON file.
func readJSON(_ url: URL) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url))
}
