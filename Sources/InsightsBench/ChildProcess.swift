import Foundation

/// Running the benchmark's steps as child processes.
enum ChildProcess {
    /// Runs `executable` with `arguments` (standard error passes through), writes `input` to its
    /// standard input, and returns what it printed; a non-zero exit is a `BenchError`.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil, name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        do {
            try process.run()
        } catch {
            throw BenchError("cannot start \(name) (\(executable)): \(error.localizedDescription)")
        }
        if let inputPipe, let input {
            // Written on another thread: a child that prints before it has read everything
            // would otherwise block on a full pipe.
            let writer = Thread {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
            writer.start()
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(name) failed with status \(process.terminationStatus)")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// Runs this executable with a hidden step's `arguments` and decodes the JSON it prints last.
    static func step<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let name = arguments.first ?? "a step"
        let printed = try run(executablePath(), arguments, name: name)
        guard let last = printed.split(separator: "\n").last else { throw BenchError("\(name) printed nothing") }
        return try JSONDecoder().decode(T.self, from: Data(last.utf8))
    }

    /// This executable.
    static func executablePath() -> String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
