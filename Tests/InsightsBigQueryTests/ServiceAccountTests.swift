import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBigQuery

/// Sends token-endpoint requests over HTTP and answers BigQuery's with canned responses.
struct RoutingTransport: HTTPTransport {
    let tokenPrefix: String
    let bigQuery: ScriptedTransport

    func send(_ request: HTTPRequest, timeoutSeconds: Double) throws(BigQueryError) -> HTTPResponse {
        if request.url.hasPrefix(tokenPrefix) { return try CurlTransport().send(request, timeoutSeconds: timeoutSeconds) }
        return try bigQuery.send(request, timeoutSeconds: timeoutSeconds)
    }
}

/// The service-account exchange against a fake token endpoint on loopback, with an RSA key made
/// by openssl for the test: the JWT's header, claims and RS256 signature, and the token's use.
@Suite(.serialized, .temporaryFolders)
struct ServiceAccountTests {
    /// 2026-10-03T12:05:00Z (see BigQueryEmulatorTests): the clock the assertion is signed at.
    static let now = Date(timeIntervalSince1970: 1_791_029_100)
    static let email = "insights-test@example-project.iam.gserviceaccount.com"
    static let answer = """
        {"jobReference": {"projectId": "p", "jobId": "j1"}, "jobComplete": true, "totalRows": "1",
         "schema": {"fields": [{"name": "n", "type": "INTEGER"}]}, "rows": [{"f": [{"v": "42"}]}]}
        """

    /// A 2048-bit RSA key (PKCS#8, as Google's key files hold) and its public half, made now.
    func makeKey(in folder: URL) throws -> (privateKey: String, publicKey: URL) {
        let key = folder.appendingPathComponent("key.pem")
        let publicKey = folder.appendingPathComponent("public.pem")
        try run("/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.path])
        try run("/usr/bin/openssl", ["pkey", "-in", key.path, "-pubout", "-out", publicKey.path])
        return (try String(contentsOf: key, encoding: .utf8), publicKey)
    }

    /// Runs a program; returns its exit status.
    @discardableResult
    func run(_ program: String, _ arguments: [String], check: Bool = true) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if check && process.terminationStatus != 0 {
            throw TestServerError(message: "\(program) \(arguments.joined(separator: " ")) failed")
        }
        return process.terminationStatus
    }

    func keyFile(in folder: URL, privateKey: String, tokenURI: String) throws -> String {
        let path = folder.appendingPathComponent("service-account.json").path
        let json: JSONValue = [
            "type": "service_account", "project_id": "example-project", "private_key_id": "test-key-1",
            "private_key": .string(privateKey), "client_email": .string(Self.email), "token_uri": .string(tokenURI),
        ]
        try json.data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    @Test func theSignedAssertionIsExchangedAndTheTokenAuthorisesTheQueries() throws {
        let folder = try TestPaths.temporaryDirectory("service-account")
        let (privateKey, publicKey) = try makeKey(in: folder)
        let server = try FakeHTTPServer()
        let tokenURI = server.url + "/token"
        let path = try keyFile(in: folder, privateKey: privateKey, tokenURI: tokenURI)
        let credentials = try BigQueryCredentials.resolve(
            accessToken: nil, environment: ["GOOGLE_APPLICATION_CREDENTIALS": path, "PATH": ""])
        guard case .serviceAccount(let key, _) = credentials else {
            Issue.record("not a service account: \(credentials)"); return
        }
        #expect(key.clientEmail == Self.email && key.tokenURI == tokenURI && key.privateKeyID == "test-key-1")

        let bigQuery = ScriptedTransport([(200, Self.answer), (200, Self.answer)])
        let client = BigQueryClient(
            configuration: BigQueryConfiguration(project: "p", credentials: credentials),
            transport: RoutingTransport(tokenPrefix: server.url, bigQuery: bigQuery), now: { Self.now })
        #expect(try client.rows("SELECT 42") == [["42"]])
        #expect(try client.rows("SELECT 42") == [["42"]])
        // Both queries carry the exchanged token; it was fetched once (it lasts 3599 s).
        #expect(bigQuery.requests.allSatisfy { $0.headers.contains("Authorization: Bearer ya29.fake-token") })
        server.stop()
        let exchanges = try server.requests()
        #expect(exchanges.count == 1)
        let exchange = try #require(exchanges.first)
        #expect(exchange.method == "POST" && exchange.path == "/token")
        #expect(exchange.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let form = Dictionary(
            exchange.body.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        #expect(form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        let parts = try #require(form["assertion"]).split(separator: ".")
        try #require(parts.count == 3)
        let header = try #require(base64URLDecoded(parts[0]).flatMap(JSONValue.parse))
        #expect(header == ["alg": "RS256", "typ": "JWT", "kid": "test-key-1"])
        let claims = try #require(base64URLDecoded(parts[1]).flatMap(JSONValue.parse))
        // iat = now = 1,791,029,100; exp = an hour later = 1,791,032,700.
        #expect(
            claims
                == [
                    "iss": .string(Self.email), "scope": "https://www.googleapis.com/auth/bigquery", "aud": .string(tokenURI),
                    "iat": 1_791_029_100, "exp": 1_791_032_700,
                ])
        // The signature verifies with the key's public half (openssl, not our code) over
        // "header.claims", and not over anything else.
        let signature = folder.appendingPathComponent("signature.bin")
        try #require(base64URLDecoded(parts[2])).write(to: signature)
        let signed = folder.appendingPathComponent("signed.txt")
        try Data("\(parts[0]).\(parts[1])".utf8).write(to: signed)
        let verify = ["dgst", "-sha256", "-verify", publicKey.path, "-signature", signature.path]
        #expect(try run("/usr/bin/openssl", verify + [signed.path], check: false) == 0)
        let tampered = folder.appendingPathComponent("tampered.txt")
        try Data("\(parts[0]).\(parts[1])x".utf8).write(to: tampered)
        #expect(try run("/usr/bin/openssl", verify + [tampered.path], check: false) != 0)
    }

    @Test func aRefusedAssertionIsOneSentenceWithTheFix() throws {
        let folder = try TestPaths.temporaryDirectory("service-account")
        let (privateKey, _) = try makeKey(in: folder)
        let server = try FakeHTTPServer(
            status: 400, body: #"{"error": "invalid_grant", "error_description": "Invalid JWT Signature."}"#)
        let path = try keyFile(in: folder, privateKey: privateKey, tokenURI: server.url + "/token")
        let client = BigQueryClient(
            configuration: BigQueryConfiguration(
                project: "p", credentials: try .resolve(accessToken: nil, environment: ["GOOGLE_APPLICATION_CREDENTIALS": path])),
            transport: RoutingTransport(tokenPrefix: server.url, bigQuery: ScriptedTransport([])), now: { Self.now })
        #expect {
            try client.rows("SELECT 1")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "The token endpoint \(server.url)/token refused the service account's assertion (HTTP 400: Invalid JWT Signature): check the key is current and the machine's clock is right."
        }
    }

    @Test func keyFilesThatCannotBeUsedSayWhy() throws {
        let folder = try TestPaths.temporaryDirectory("service-account")
        func resolve(_ text: String) -> String {
            let path = folder.appendingPathComponent("key-\(UUID().uuidString).json").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            do {
                _ = try BigQueryCredentials.resolve(accessToken: nil, environment: ["GOOGLE_APPLICATION_CREDENTIALS": path])
                return "resolved"
            } catch { return error.description.replacingOccurrences(of: path, with: "KEY") }
        }
        #expect(
            resolve("not json") == "The service-account key KEY (GOOGLE_APPLICATION_CREDENTIALS) cannot be used: it is not JSON.")
        #expect(
            resolve(#"{"type": "authorized_user", "refresh_token": "x"}"#)
                == "The service-account key KEY (GOOGLE_APPLICATION_CREDENTIALS) cannot be used: its type is \"authorized_user\", not \"service_account\" (pass a token with --access-token instead)."
        )
        #expect(
            resolve(#"{"type": "service_account", "client_email": "a@b"}"#)
                == "The service-account key KEY (GOOGLE_APPLICATION_CREDENTIALS) cannot be used: it has no private_key.")
        let broken = ServiceAccountKey(
            clientEmail: "a@b", privateKeyID: nil, privateKey: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            tokenURI: "http://127.0.0.1:1/token")
        #expect(broken.assertion(now: Self.now) == nil)
    }
}
