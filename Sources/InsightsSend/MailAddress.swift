/// A bare email address (`name@example.org`), checked so it can go into an SMTP command and a
/// header as is: ASCII, no display name, no brackets, commas, spaces or control characters.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address text, as given.
    public let text: String

    /// Checks `text` and wraps it; throws ``SendError`` with reason `.invalidAddress`.
    public init(_ text: String) throws(SendError) {
        if let problem = Self.problem(with: text) { throw SendError(.invalidAddress(text, problem)) }
        self.text = text
    }

    /// The address text.
    public var description: String { text }

    /// Why an address is refused.
    public enum Problem: Equatable, Sendable {
        /// Nothing was given.
        case empty
        /// A CR, LF or other control character: refused so no header or command can be injected.
        case controlCharacter
        /// Characters outside ASCII (they would need SMTPUTF8).
        case nonASCII
        /// A space, bracket, comma or quote: a display name or a list rather than one address.
        case notBare
        /// Not one `@` between a non-empty local part and domain.
        case notAnAddress
    }

    static func problem(with text: String) -> Problem? {
        if text.isEmpty { return .empty }
        let scalars = text.unicodeScalars
        if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        if scalars.contains(where: { $0.value > 0x7F }) { return .nonASCII }
        if scalars.contains(where: { " <>(),;:\"\\[]".unicodeScalars.contains($0) }) { return .notBare }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty { return .notAnAddress }
        return nil
    }
}
