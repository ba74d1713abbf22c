import Foundation

/// Weekly opening hours (`--business-hours "Mon-Fri 08:00-17:00, Sat 09:00-13:00"`): only the
/// time inside them counts towards a response time (METRICS.md, "Response times").
///
/// The text is parts `DAY[-DAY] HH:MM-HH:MM` separated by commas. Day names are `Mon` … `Sun`
/// in any case; a day range may wrap (`Fri-Mon` is Friday, Saturday, Sunday and Monday); a time
/// runs from `00:00` to `24:00` (the end of the day); parts that overlap are counted once. The
/// hours are wall-clock hours of the report's zone on each local date, so on a night when the
/// clocks go back an hour of the window can happen twice and counts twice, and an hour the
/// clocks skip does not count.
public struct BusinessHours: Equatable, Sendable {
    /// The option text as given (`business_hours` echoes it).
    public let text: String
    /// Per weekday (index 0 = Monday … 6 = Sunday): the open minutes of the local day, as
    /// sorted, disjoint, non-adjacent ranges within `0..<1440` (`24:00` is minute 1440).
    public let windows: [[Range<Int>]]

    /// The day names, Monday first, as the error messages spell them.
    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Parses the option text.
    /// - Throws: `BusinessHoursError` naming the first malformed part.
    public init(_ text: String) throws(BusinessHoursError) {
        self.text = text
        var open: [[Range<Int>]] = Array(repeating: [], count: 7)
        guard !text.allSatisfy(\.isWhitespace) else { throw BusinessHoursError(text: text, part: nil, reason: .empty) }
        for rawPart in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingWhitespace()
            let (days, minutes) = try Self.parse(part: part, in: text)
            for day in days { open[day].append(minutes) }
        }
        self.windows = open.map(Self.merged)
    }

    /// The open minutes of one weekday (0 = Monday).
    public func windows(onWeekday weekday: Int) -> [Range<Int>] { windows[weekday] }

    /// The time between two instants that lies inside business hours, in microseconds, with
    /// wall-clock hours of `calendar`'s zone (0 when `end` is not after `start`).
    public func businessMicroseconds(from start: Instant, to end: Instant, in calendar: ReportCalendar) -> Int64 {
        BusinessClock(hours: self, calendar: calendar, window: start..<max(start, end))
            .businessMicroseconds(from: start, to: end)
    }

    private static func parse(part: String, in text: String) throws(BusinessHoursError) -> ([Int], Range<Int>) {
        func fail(_ reason: BusinessHoursError.Reason) -> BusinessHoursError {
            BusinessHoursError(text: text, part: part, reason: reason)
        }
        guard !part.isEmpty else { throw fail(.emptyPart) }
        let tokens = part.split(whereSeparator: \.isWhitespace)
        guard tokens.count == 2 else { throw fail(.shape) }
        let dayTokens = tokens[0].split(separator: "-", omittingEmptySubsequences: false)
        let timeTokens = tokens[1].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(dayTokens.count), timeTokens.count == 2 else { throw fail(.shape) }
        var dayIndices: [Int] = []
        for token in dayTokens {
            guard let index = dayNames.firstIndex(where: { $0.lowercased() == token.lowercased() }) else {
                throw fail(.unknownDay(String(token)))
            }
            dayIndices.append(index)
        }
        var minutes: [Int] = []
        for token in timeTokens {
            guard let value = minuteOfDay(token) else { throw fail(.badTime(String(token))) }
            minutes.append(value)
        }
        guard minutes[0] < minutes[1] else { throw fail(.notAfterStart(String(tokens[1]))) }
        let first = dayIndices[0]
        let last = dayIndices[dayIndices.count - 1]
        let count = (last - first + 7) % 7 + 1
        return ((0..<count).map { (first + $0) % 7 }, minutes[0]..<minutes[1])
    }

    /// `HH:MM` (two digits each, 00:00 … 24:00) as minutes of the day.
    private static func minuteOfDay(_ token: Substring) -> Int? {
        let pieces = token.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hours = Int(pieces[0]), let minutes = Int(pieces[1]), minutes < 60,
            hours < 24 || (hours == 24 && minutes == 0)
        else { return nil }
        return hours * 60 + minutes
    }

    /// Sorted ranges with overlapping or touching ones joined.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// Why business hours could not be read: the text, the part at fault and the reason.
public struct BusinessHoursError: Error, Equatable, LocalizedError, Sendable, CustomStringConvertible {
    /// The whole option text.
    public let text: String
    /// The malformed part (trimmed); nil when the whole text is at fault.
    public let part: String?
    /// What is wrong with it.
    public let reason: Reason

    /// Creates an error.
    public init(text: String, part: String?, reason: Reason) {
        self.text = text
        self.part = part
        self.reason = reason
    }

    /// What can be wrong.
    public enum Reason: Equatable, Sendable {
        /// The text is empty or white space.
        case empty
        /// A part between commas is empty.
        case emptyPart
        /// The part is not `DAY[-DAY] HH:MM-HH:MM`.
        case shape
        /// A day name that is not `Mon` … `Sun`.
        case unknownDay(String)
        /// A time that is not `HH:MM` from 00:00 to 24:00.
        case badTime(String)
        /// A time range whose end is not after its start.
        case notAfterStart(String)
    }

    /// The expected form, quoted in every message.
    public static let expectedForm =
        "expected parts DAY[-DAY] HH:MM-HH:MM separated by commas, e.g. \"Mon-Fri 08:00-17:00, Sat 09:00-13:00\""

    /// One sentence: the text or part at fault, why, and the expected form.
    public var description: String {
        let problem: String
        switch reason {
        case .empty: problem = "business hours are empty"
        case .emptyPart: problem = "business hours \"\(text)\" have an empty part"
        case .shape: problem = "business hours part \"\(part ?? text)\" is not of the form DAY[-DAY] HH:MM-HH:MM"
        case .unknownDay(let day):
            problem = "business hours part \"\(part ?? text)\": \"\(day)\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"
        case .badTime(let time):
            problem = "business hours part \"\(part ?? text)\": \"\(time)\" is not a time HH:MM from 00:00 to 24:00"
        case .notAfterStart(let times):
            problem = "business hours part \"\(part ?? text)\": \"\(times)\" does not end after it starts"
        }
        return problem + "; " + Self.expectedForm
    }

    /// The same sentence (`LocalizedError`).
    public var errorDescription: String? { description }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
