import Foundation

/// Assigns a phone number to its ISO 3166-1 alpha-2 region exactly as Google's
/// libphonenumber does (`PhoneNumberUtil.parse` of an international number followed
/// by `getRegionCodeForNumber`), using metadata generated from the Python port
/// `phonenumbers` (see ``metadataVersion`` and `Sources/InsightsPhone/Scripts/`).
///
/// Every input is treated as an INTERNATIONAL number; there is no default region:
///
/// 1. All decimal digits of the input are kept (any Unicode decimal digit is mapped to
///    `0`–`9`); everything else (spaces, dashes, dots, parentheses, letters) is dropped.
/// 2. If the first `+`/`＋` or digit of the input is a plus sign, the digits are used as
///    they are; otherwise a leading `00` international prefix is removed. So
///    `+27 82 123 4567`, `27821234567` (a WhatsApp `wa_id`) and `0027821234567` are
///    the same number. Other IDDs (`011`, …) are not recognised.
/// 3. The digits are then parsed like `phonenumbers.parse("+" + digits, None)`:
///    country calling code (1–3 digits, never starting with `0`), national prefix
///    stripping with the calling code's main region, length limits (a national
///    number of 2…17 digits).
/// 4. The region is chosen like `region_code_for_number`: a calling code with a single
///    region gives that region (even for an invalid number); for a shared calling code
///    the first region whose `leading_digits` match the start of the national number,
///    or (for regions without `leading_digits`) whose number patterns accept it, wins.
///
/// `nil` means libphonenumber cannot parse the number, or cannot place it in a region,
/// or places it in a non-geographic entity (`001`, e.g. `+800`, `+882`).
///
/// The value is immutable and `Sendable`; ``shared`` decodes the embedded metadata and
/// compiles its regular expressions once, on first use.
public struct PhoneRegions: Sendable {
    /// The instance built from the embedded metadata (decoded once, on first use).
    public static let shared: PhoneRegions = {
        do {
            return try PhoneRegions(metadataJSON: phoneMetadataJSON)
        } catch {
            fatalError("InsightsPhone: the embedded phone metadata is corrupt: \(error)")
        }
    }()

    let table: PhoneMetadataTable

    /// Builds an instance from metadata JSON in the format written by
    /// `Sources/InsightsPhone/Scripts/generate_metadata.py`. Most callers want ``shared``.
    init(metadataJSON: String) throws {
        table = try PhoneMetadataTable(json: metadataJSON)
    }

    /// The ISO 3166-1 alpha-2 region of `rawNumber` (e.g. `"CA"`, `"US"`, `"GG"`), or
    /// `nil` when libphonenumber cannot parse it or place it in a region (callers
    /// usually map `nil` to `"ZZ"`). Non-geographic numbers (`+800`, `+882`, …) give `nil`.
    ///
    /// Accepts E.164 (`+16135550123`), bare digits (`16135550123`), a `00` prefix
    /// (`0016135550123`) and common formatting (`+1 (613) 555-0123`, `1.613.555.0123`).
    public func region(for rawNumber: String) -> String? {
        guard let digits = Self.internationalDigits(rawNumber) else { return nil }
        return table.region(forInternationalDigits: digits)
    }

    /// The digits of `raw` as an international number without its `+` or `00` prefix,
    /// as ASCII bytes; `nil` if there are none.
    static func internationalDigits(_ raw: String) -> [UInt8]? {
        var digits: [UInt8] = []
        digits.reserveCapacity(raw.utf8.count)
        var sawStart = false  // seen a '+' or a digit yet?
        var hasPlus = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                digits.append(UInt8(value))
                sawStart = true
            } else if value < 0x80 {
                if value == 0x2B && !sawStart {  // '+'
                    hasPlus = true
                    sawStart = true
                }
            } else if value == 0xFF0B {  // FULLWIDTH PLUS SIGN, a plus for libphonenumber
                if !sawStart {
                    hasPlus = true
                    sawStart = true
                }
            } else if scalar.properties.numericType == .decimal,
                let numeric = scalar.properties.numericValue,
                numeric >= 0, numeric <= 9
            {
                digits.append(0x30 + UInt8(numeric))
                sawStart = true
            }
        }
        if !hasPlus, digits.count >= 2, digits[0] == 0x30, digits[1] == 0x30 {
            digits.removeFirst(2)
        }
        return digits.isEmpty ? nil : digits
    }
}
