import Foundation
import InsightsDemo
import Testing

/// The default dataset's statuses, Journeys, consent and fields. The exact counts are of
/// October 2026 in the demo report's zone (Africa/Johannesburg, UTC+2), worked out from the
/// generated CSV by a separate script (Python, reading the files `insights demo` writes) and
/// recomputed here plainly; they are what the report's blocks should show once the importer
/// reads these kinds.
@Suite struct DefaultNewKindsTests {
    private let parsed: ParsedDataset
    private let october = parseTimestamp("2026-09-30T22:00:00Z")!..<parseTimestamp("2026-10-31T22:00:00Z")!

    init() throws {
        parsed = try #require(defaultParsed)
    }

    /// Each message's furthest status: read, else delivered, else failed, else sent.
    private func states() -> [String: String] {
        let rank = ["sent": 1, "failed": 2, "delivered": 3, "read": 4]
        var best: [String: String] = [:]
        for row in parsed.messageStatuses.records {
            let id = row["message_id"]!
            if rank[row["status"]!]! > rank[best[id] ?? "", default: 0] { best[id] = row["status"]! }
        }
        return best
    }

    @Test func deliveryInOctober() {
        let best = states()
        var counts: [String: Int] = [:]
        var byType: [String: [String: Int]] = [:]
        var reached = Set<String>()
        for row in parsed.messages.records where row["direction"] == "outbound" {
            guard october.contains(parseTimestamp(row["timestamp"]!)!) else { continue }
            let state = best[row["message_id"]!] ?? "no_status"
            counts[state, default: 0] += 1
            byType[row["author_type"]!, default: [:]][state, default: 0] += 1
            if state == "read" || state == "delivered" { reached.insert(row["contact_id"]!) }
        }
        // 5,637 + 1,297 + 168 + 258 + 52 = 7,412, the report's messages_sent for October.
        #expect(counts == ["read": 5637, "delivered": 1297, "failed": 168, "sent": 258, "no_status": 52])
        #expect(reached.count == 616)
        // read_rate = read / (read + delivered): coaches 856 / 956 ≈ 0.90, reminders 493 / 940 ≈ 0.52.
        #expect(byType["coach"]?["read"] == 856 && byType["coach"]?["delivered"] == 100)
        #expect(byType["reminder"]?["read"] == 493 && byType["reminder"]?["delivered"] == 447)
    }

    @Test func failuresAndOddities() {
        let best = states()
        var errors: [String: Int] = [:]
        var statusesOf: [String: [String]] = [:]
        for row in parsed.messageStatuses.records {
            statusesOf[row["message_id"]!, default: []].append(row["status"]!)
            if row["status"] == "failed" { errors[row["error"]!, default: 0] += 1 }
        }
        let codes = ["131026 Message undeliverable", "131047 Re-engagement message", "131051 Unsupported message type"]
        for code in codes + [""] {
            #expect(errors[code, default: 0] > 0, "\(code)")
        }
        #expect(errors["131026 Message undeliverable", default: 0] > errors["131051 Unsupported message type"]!)
        let readAtOnce = statusesOf.values.filter { $0 == ["read"] }.count
        #expect(readAtOnce > 1000)
        // Since the export began, a few outbound messages have no status at all.
        let start = DemoConfiguration.statusExportStart
        let recent = parsed.messages.records.filter {
            $0["direction"] == "outbound" && parseTimestamp($0["timestamp"]!)! >= start
        }
        let missing = recent.filter { best[$0["message_id"]!] == nil }.count
        #expect(missing > 0 && missing * 100 < recent.count, "\(missing) of \(recent.count)")
    }

    @Test func journeysInOctober() {
        var outcomes: [String: [String: Int]] = [:]
        var all: [String: Int] = [:]
        var names: [String: Set<String>] = [:]
        for row in parsed.journeyRuns.records {
            let outcome = row["outcome"]!.isEmpty ? "in_progress" : row["outcome"]!
            all[outcome, default: 0] += 1
            names[row["journey_id"]!, default: []].insert(row["journey_name"]!)
            guard october.contains(parseTimestamp(row["started_at"]!)!) else { continue }
            outcomes[row["journey_id"]!, default: [:]][outcome, default: 0] += 1
        }
        // Runs started in October by their state at its end (no run ends after the data).
        #expect(outcomes["stack-onboarding"] == ["completed": 227, "expired": 70, "interrupted": 17, "in_progress": 1])
        #expect(outcomes["stack-main-menu"] == ["completed": 264, "expired": 76, "interrupted": 38, "in_progress": 3])
        #expect(
            outcomes["stack-antenatal-check-in"] == [
                "completed": 162, "expired": 59, "interrupted": 35, "in_progress": 3,
            ])
        #expect(outcomes["stack-quit-smoking-coach"] == ["completed": 64, "expired": 53, "interrupted": 25])
        #expect(
            outcomes["stack-nutrition-quiz"] == ["completed": 113, "expired": 48, "interrupted": 26, "in_progress": 1])
        // Over all the history, 7,918 of 12,235 runs completed (64.7 %); 8 are still going.
        #expect(all == ["completed": 7918, "expired": 3016, "interrupted": 1293, "in_progress": 8])
        #expect(names["stack-nutrition-quiz"] == ["Healthy eating quiz", "Nutrition quiz"])
        #expect(names.count == 5 && names.filter { $0.value.count > 1 }.count == 1)
    }

    @Test func answersCarryTheirVariants() {
        var consent: [String: Int] = [:]
        for row in parsed.journeyResults.records where row["question"] == "consent" {
            consent[row["answer"]!, default: 0] += 1
        }
        #expect(Set(consent.keys) == ["Yes", "yes", " yes", "YES", "No", "no"])
        #expect(consent["Yes", default: 0] > consent["yes", default: 0] && consent[" yes", default: 0] > 0)
        let questions = Set(parsed.journeyResults.records.map { $0["journey_id"]! + " " + $0["question"]! })
        #expect(questions.count == 13)
        #expect(parsed.journeyResults.values("run_id").filter(\.isEmpty).count == 317)
    }

    @Test func consentInOctober() {
        var optIns = 0
        var optOuts = 0
        var optedInAtEnd = 0
        var optedOut = 0
        var optedInAgain = 0
        for row in parsed.contacts.records {
            let optedIn = parseTimestamp(row["opted_in_at"]!)
            let out = parseTimestamp(row["opted_out_at"]!)
            if let optedIn, october.contains(optedIn) { optIns += 1 }
            if let out, october.contains(out) { optOuts += 1 }
            if let optedIn, optedIn < october.upperBound,
                !(out.map { $0 > optedIn && $0 < october.upperBound } ?? false)
            {
                optedInAtEnd += 1
            }
            if let out {
                optedOut += 1
                if let optedIn, optedIn > out { optedInAgain += 1 }
            }
        }
        #expect(optIns == 269 && optOuts == 17 && optedInAtEnd == 2308)
        // 99 of 3,000 contacts (3.3 %) opted out at some time; 6 of them opted in again later.
        #expect(optedOut == 99 && optedInAgain == 6)
        #expect(parsed.contacts.values("opted_in_at").filter { !$0.isEmpty }.count == 2401)
    }

    @Test func fields() throws {
        var districts: [String: Int] = [:]
        var languages: [String: Int] = [:]
        var none = 0
        for text in parsed.contacts.values("fields") {
            guard !text.isEmpty else {
                none += 1
                continue
            }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            if let district = object["district"] as? String {
                // Segments compare after trimming, ignoring case.
                let key = district.lowercased().trimmingCharacters(in: .whitespaces)
                districts[key, default: 0] += 1
            }
            languages[object["language"] as? String ?? "(none)", default: 0] += 1
        }
        #expect(none == 187)
        #expect(districts.count == 8)
        // Johannesburg 571 + 11 + 9 = 591; Mangaung 63 + 2 + 1 = 66.
        #expect(districts["johannesburg"] == 591 && districts["mangaung"] == 66)
        #expect(languages == ["en": 1942, "zu": 351, "xh": 231, "af": 173, "(none)": 116])
    }
}
