/// What a contact URN (`tel:+27821110001`, `whatsapp:27821110001`, `telegram:1234`) says
/// about the contact's phone.
enum RapidProURN: Equatable {
    /// A phone scheme with an international number: the phone as written after the scheme.
    case phone(String)
    /// A scheme that holds no phone number.
    case noPhone(scheme: String)
    /// An anonymous workspace's masked path (`tel:********`).
    case masked
    /// A scheme no map knows.
    case unknownScheme(String)
    /// A phone scheme whose path is not an international number.
    case invalid

    /// Reads a URN through the user's and the built-in scheme maps.
    init(_ urn: String, options: RapidProImportOptions) {
        guard let colon = urn.firstIndex(of: ":") else {
            self = .unknownScheme(urn.lowercased())
            return
        }
        let scheme = urn[..<colon].lowercased()
        var path = urn[urn.index(after: colon)...]
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard
            let (kind, _) = RapidProImportOptions.look(
                scheme, user: options.urnMap, builtIn: RapidProImportOptions.builtInURNMap)
        else {
            self = .unknownScheme(scheme)
            return
        }
        guard kind == .phone else {
            self = .noPhone(scheme: scheme)
            return
        }
        if !path.isEmpty, path.allSatisfy({ $0 == "*" }) {
            self = .masked
            return
        }
        let digits = path.hasPrefix("+") ? path.dropFirst() : path
        guard (7...15).contains(digits.count), digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            self = .invalid
            return
        }
        self = .phone(String(path))
    }
}
