/// The largest inputs an import accepts: bigger ones are refused with the line and the limit,
/// so one hostile field cannot become a page of hundreds of megabytes.
public enum ImportLimits {
    /// The most bytes one field (a CSV field, an NDJSON value) may have: 64 KiB.
    public static let fieldBytes = 65_536
    /// The most bytes one record (a CSV row, an NDJSON line) may have: 1 MiB.
    public static let recordBytes = 1_048_576

    /// The sentence for a field over ``fieldBytes``; `name` says which (`column 2`, `"name"`).
    static func fieldTooLong(_ name: String, bytes: Int) -> String {
        "\(name) has \(grouped(bytes)) bytes; a field may have at most \(grouped(fieldBytes)) (64 KiB)"
    }
}

/// Whether every byte is ASCII and none is NUL, read eight bytes at a time: true for most
/// files, which then need no other check.
func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    var index = 0
    while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        // A high bit set: not ASCII; `(w - 1…1) & ~w & 80…80` is non-zero exactly when a byte is 0.
        if word & high != 0 || (word &- ones) & ~word & high != 0 { return false }
        index += 8
    }
    while index < count {
        if bytes[index] >= 0x80 || bytes[index] == 0 { return false }
        index += 1
    }
    return true
}

/// Why bytes are not acceptable text: the first byte that is not valid UTF-8, or a NUL byte
/// (which would cut an id short downstream); nil when they are fine. `place` ends the
/// position (`column 2`, `the line`).
func textProblem(_ bytes: UnsafeBufferPointer<UInt8>, place: @autoclosure () -> String) -> String? {
    let count = bytes.count
    var index = 0
    while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
            if byte == 0 { return "a NUL byte at byte \(index + 1) of \(place()) (the file is binary, or not UTF-8)" }
            index += 1
            continue
        }
        var need = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch byte {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: need = 0
        }
        // A lead byte, then `need` continuation bytes, the first within `low…high`.
        var valid = need > 0 && index + need < count
        var offset = 1
        while valid, offset <= need {
            let next = bytes[index + offset]
            valid = offset == 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xBF
            offset += 1
        }
        if valid {
            index += need + 1
            continue
        }
        let next = index + 1 < count ? bytes[index + 1] : 0
        let guess =
            (0x80...0xBF).contains(next)
            ? "a broken multi-byte sequence"
            : "it looks like Latin-1 or Windows-1252: convert the file with `iconv -f WINDOWS-1252 -t UTF-8`"
        return "not valid UTF-8: byte \(hexByte(byte)) at byte \(index + 1) of \(place()) (\(guess))"
    }
    return nil
}

/// `0xE9`.
func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
}

/// `65536` as `65,536`.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return (value < 0 ? "-" : "") + result
}
