import Foundation

/// A Google service-account key file (`GOOGLE_APPLICATION_CREDENTIALS`): who signs, with which
/// key, and where the signed assertion is exchanged for an access token.
public struct ServiceAccountKey: Sendable, Equatable {
    /// `client_email`: the account.
    public var clientEmail: String
    /// `private_key_id`: sent as the JWT's `kid`.
    public var privateKeyID: String?
    /// `private_key`: the PEM RSA private key.
    public var privateKey: String
    /// `token_uri`: the OAuth 2.0 token endpoint.
    public var tokenURI: String

    /// The scope asked for: BigQuery, read and run jobs.
    public static let scope = "https://www.googleapis.com/auth/bigquery"

    /// Creates a key.
    public init(clientEmail: String, privateKeyID: String?, privateKey: String, tokenURI: String) {
        self.clientEmail = clientEmail
        self.privateKeyID = privateKeyID
        self.privateKey = privateKey
        self.tokenURI = tokenURI
    }

    /// Reads the key file at `path`.
    public init(contentsOf path: String) throws(BigQueryError) {
        func refuse(_ reason: String) -> BigQueryError { BigQueryError(.serviceAccountKey(path: path, reason: reason)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw refuse("the file cannot be read") }
        guard let json = JSONValue.parse(data), case .object = json else { throw refuse("it is not JSON") }
        if let type = json["type"]?.stringValue, type != "service_account" {
            throw refuse("its type is \"\(type)\", not \"service_account\" (pass a token with --access-token instead)")
        }
        guard let email = json["client_email"]?.stringValue, !email.isEmpty else { throw refuse("it has no client_email") }
        guard let key = json["private_key"]?.stringValue, key.contains("PRIVATE KEY") else {
            throw refuse("it has no private_key")
        }
        let tokenURI = json["token_uri"]?.stringValue ?? "https://oauth2.googleapis.com/token"
        self.init(clientEmail: email, privateKeyID: json["private_key_id"]?.stringValue, privateKey: key, tokenURI: tokenURI)
    }

    /// The signed JWT (RS256) asserting this account for an hour from `now`.
    public func assertion(now: Date) -> String? {
        let issued = Int64(now.timeIntervalSince1970.rounded(.down))
        var header: [String: JSONValue] = ["alg": .string("RS256"), "typ": .string("JWT")]
        if let privateKeyID { header["kid"] = .string(privateKeyID) }
        let claims: JSONValue = .object([
            "iss": .string(clientEmail), "scope": .string(Self.scope), "aud": .string(tokenURI),
            "iat": .number(Double(issued)), "exp": .number(Double(issued + 3600)),
        ])
        let signingInput = base64URL(JSONValue.object(header).data) + "." + base64URL(claims.data)
        guard let signature = RS256.sign(Data(signingInput.utf8), pem: privateKey) else { return nil }
        return signingInput + "." + base64URL(signature)
    }

    /// Exchanges a fresh assertion at ``tokenURI`` for an access token (the JWT bearer grant).
    func accessToken(transport: any HTTPTransport, now: Date, timeoutSeconds: Double, path: String)
        throws(BigQueryError) -> AccessToken
    {
        guard let assertion = assertion(now: now) else {
            throw BigQueryError(.serviceAccountKey(path: path, reason: "its private_key is not a readable RSA key"))
        }
        let form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=\(assertion)"
        let request = HTTPRequest(
            method: "POST", url: tokenURI, headers: ["Content-Type: application/x-www-form-urlencoded"], body: Data(form.utf8))
        let response = try transport.send(request, timeoutSeconds: timeoutSeconds)
        let json = JSONValue.parse(response.body)
        guard (200..<300).contains(response.status) else {
            let message =
                json?["error_description"]?.stringValue ?? json?["error"]?.stringValue
                ?? String(decoding: response.body.prefix(200), as: UTF8.self)
            throw BigQueryError(.tokenExchangeRefused(url: tokenURI, status: response.status, message: message))
        }
        guard let token = json?["access_token"]?.stringValue, !token.isEmpty else {
            throw BigQueryError(.malformedResponse(url: tokenURI, detail: "the token response has no access_token"))
        }
        let lifetime = json?["expires_in"]?.int64Value ?? 3600
        return AccessToken(value: token, expires: now.addingTimeInterval(Double(lifetime)))
    }
}

/// An OAuth 2.0 access token and when it stops working (nil: unknown, kept for the run).
public struct AccessToken: Sendable, Equatable {
    /// The bearer token.
    public var value: String
    /// When it expires.
    public var expires: Date?

    /// Creates a token.
    public init(value: String, expires: Date? = nil) {
        self.value = value
        self.expires = expires
    }
}
