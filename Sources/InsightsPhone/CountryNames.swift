import Foundation

/// English display names for ISO 3166-1 region codes, for report tables.
public enum CountryNames {
    private static let locale = Locale(identifier: "en_US")

    /// The English (en_US) name Foundation knows for `regionCode` (e.g. `"ZA"` →
    /// `"South Africa"`); `"Unknown"` for `"ZZ"` (the code used for numbers that could
    /// not be placed) and the code itself when Foundation has no name for it.
    public static func englishName(for regionCode: String) -> String {
        let code = regionCode.uppercased()
        if code == "ZZ" { return "Unknown" }
        guard let name = locale.localizedString(forRegionCode: code), !name.isEmpty else {
            return regionCode
        }
        return name
    }
}
