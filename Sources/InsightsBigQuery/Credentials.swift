import Foundation

/// Where the access token comes from, found in this order: `--access-token`, then
/// `GOOGLE_OAUTH_ACCESS_TOKEN`, then a service-account key in `GOOGLE_APPLICATION_CREDENTIALS`,
/// then `gcloud auth print-access-token` when `gcloud` is on the PATH. An emulator needs none.
public enum BigQueryCredentials: Sendable, Equatable {
    /// No credentials: requests to an emulator.
    case none
    /// A token given as it is; `origin` names where (`--access-token`, `GOOGLE_OAUTH_ACCESS_TOKEN`).
    case accessToken(String, origin: String)
    /// A service-account key read from `path`.
    case serviceAccount(ServiceAccountKey, path: String)
    /// The `gcloud` program at `executable`.
    case gcloud(executable: String)

    /// The first source that is there. `accessToken` is `--access-token`'s value. Throws
    /// `noCredentials` when there is none, `serviceAccountKey` for an unusable key file.
    public static func resolve(accessToken: String?, environment: [String: String]) throws(BigQueryError)
        -> BigQueryCredentials
    {
        if let token = accessToken?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return .accessToken(token, origin: "--access-token")
        }
        if let token = environment["GOOGLE_OAUTH_ACCESS_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !token.isEmpty
        {
            return .accessToken(token, origin: "GOOGLE_OAUTH_ACCESS_TOKEN")
        }
        if let path = environment["GOOGLE_APPLICATION_CREDENTIALS"], !path.isEmpty {
            return .serviceAccount(try ServiceAccountKey(contentsOf: path), path: path)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/gcloud"
            if FileManager.default.isExecutableFile(atPath: candidate) { return .gcloud(executable: candidate) }
        }
        throw BigQueryError(.noCredentials)
    }

    /// Where the token came from, for the sentence of a refused token.
    public var origin: String {
        switch self {
        case .none: return "no credentials"
        case .accessToken(_, let origin): return origin
        case .serviceAccount(let key, let path): return "the service account \(key.clientEmail) (\(path))"
        case .gcloud: return "`gcloud auth print-access-token`"
        }
    }

    /// A current token: the given one, a fresh exchange of the key's assertion, or gcloud's answer.
    func fetchToken(transport: any HTTPTransport, now: Date, timeoutSeconds: Double) throws(BigQueryError) -> AccessToken? {
        switch self {
        case .none: return nil
        case .accessToken(let value, _): return AccessToken(value: value)
        case .serviceAccount(let key, let path):
            return try key.accessToken(transport: transport, now: now, timeoutSeconds: timeoutSeconds, path: path)
        case .gcloud(let executable): return try Self.gcloudToken(executable)
        }
    }

    private static func gcloudToken(_ executable: String) throws(BigQueryError) -> AccessToken {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["auth", "print-access-token"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw BigQueryError(.gcloudFailed(message: "\(executable) did not start")) }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let token = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !token.isEmpty, !token.contains(where: \.isWhitespace) else {
            let message = String(decoding: problem, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw BigQueryError(.gcloudFailed(message: message ?? "exit status \(process.terminationStatus)"))
        }
        return AccessToken(value: token)
    }
}

/// The token in use, fetched on the first request and again once it has expired (a minute early).
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var token: AccessToken?

    func current(
        _ credentials: BigQueryCredentials, transport: any HTTPTransport, now: Date, timeoutSeconds: Double
    ) throws(BigQueryError) -> AccessToken? {
        lock.lock()
        defer { lock.unlock() }
        if let token, token.expires.map({ $0.timeIntervalSince(now) > 60 }) ?? true { return token }
        token = try credentials.fetchToken(transport: transport, now: now, timeoutSeconds: timeoutSeconds)
        return token
    }
}
