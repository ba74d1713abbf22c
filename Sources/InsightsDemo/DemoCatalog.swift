/// The fixed cast of the demo helpline: countries and their mobile numbering, the authors of
/// outbound messages, goals and behaviours. Everything is in arrays (never dictionaries) so
/// that output order is fixed.
enum DemoCatalog {
    // MARK: Countries

    /// A country the helpline's users write from, with mobile number ranges that
    /// libphonenumber places in that country.
    struct Country {
        /// ISO 3166-1 alpha-2 code.
        let iso: String
        /// The calling code, digits only.
        let callingCode: String
        /// Relative share of new contacts.
        let weight: Int
        /// National number prefixes of mobile ranges (operator codes, area codes, …).
        let prefixes: [String]
        /// Random digits after a prefix.
        let subscriberDigits: Int
    }

    static let countries: [Country] = [
        // South Africa: 9-digit national numbers, mobiles 6x, 7x (not 75), 81–84.
        Country(
            iso: "ZA", callingCode: "27", weight: 600,
            prefixes: ["82", "83", "84", "72", "73", "74", "76", "78", "79", "71", "81", "61", "65"],
            subscriberDigits: 7),
        // Nigeria: 10-digit mobiles.
        Country(
            iso: "NG", callingCode: "234", weight: 80,
            prefixes: [
                "803", "806", "813", "816", "703", "706", "810", "814", "903", "906", "805", "807", "815", "905", "802",
                "808", "812", "701", "708",
            ],
            subscriberDigits: 7),
        // Kenya: 9-digit mobiles 7xx and 11x.
        Country(
            iso: "KE", callingCode: "254", weight: 70,
            prefixes: [
                "700", "701", "702", "705", "710", "711", "712", "713", "715", "720", "721", "722", "723", "725", "727",
                "728", "740", "741", "742", "745", "790", "791", "792", "795", "797", "110", "111", "112",
            ],
            subscriberDigits: 6),
        // United Kingdom: 10-digit mobiles 7xxx; avoids the Jersey, Guernsey and Isle of Man ranges
        // and the 07700 900 drama range.
        Country(
            iso: "GB", callingCode: "44", weight: 40,
            prefixes: [
                "7400", "7413", "7428", "7440", "7467", "7481", "7495", "7501", "7531", "7547", "7572", "7584", "7711",
                "7723", "7742", "7756", "7771", "7802", "7810", "7841", "7852", "7866", "7877", "7903", "7921", "7946",
                "7958", "7969", "7984",
            ],
            subscriberDigits: 6),
        // India: 10-digit mobiles starting 7, 8 or 9.
        Country(
            iso: "IN", callingCode: "91", weight: 40,
            prefixes: [
                "98", "99", "97", "96", "95", "94", "93", "91", "90", "70", "72", "73", "76", "77", "85", "86", "87",
            ],
            subscriberDigits: 8),
        // Brazil: area code + 9 + 8 digits.
        Country(
            iso: "BR", callingCode: "55", weight: 30,
            prefixes: ["119", "219", "319", "419", "519", "619", "719", "819", "859", "199", "279", "489"],
            subscriberDigits: 8),
        // United States: area code + exchange + 4 digits (exchange drawn separately).
        Country(
            iso: "US", callingCode: "1", weight: 30,
            prefixes: ["212", "415", "312", "617", "305", "713", "206", "404", "718", "202"],
            subscriberDigits: 7),
        // Canada: Canadian area codes.
        Country(
            iso: "CA", callingCode: "1", weight: 30,
            prefixes: ["416", "604", "514", "647", "403", "778", "437", "780"],
            subscriberDigits: 7),
        // Zimbabwe: 9-digit mobiles 71, 77, 78.
        Country(iso: "ZW", callingCode: "263", weight: 20, prefixes: ["71", "77", "78"], subscriberDigits: 7),
        // Botswana: 8-digit mobiles 71–77.
        Country(
            iso: "BW", callingCode: "267", weight: 10, prefixes: ["71", "72", "74", "75", "76", "77"],
            subscriberDigits: 6),
        // Mozambique: 9-digit mobiles 82–87.
        Country(
            iso: "MZ", callingCode: "258", weight: 10, prefixes: ["82", "84", "85", "86", "87"], subscriberDigits: 7),
        // Germany: 11-digit mobiles 15x, 16x, 17x.
        Country(
            iso: "DE", callingCode: "49", weight: 10, prefixes: ["151", "152", "160", "170", "176"], subscriberDigits: 8
        ),
    ]

    /// Countries written in the `country` column of a few South African numbers (people
    /// living across the border on a South African SIM).
    static let countryOverrides = ["LS", "SZ", "NA"]

    // MARK: Authors

    /// An author of outbound messages (or actor of a conversation event).
    struct Author {
        /// `stack`, `coach`, `reminder`, `api`, `automation` or `thread`.
        let type: String
        /// Stable id, e.g. `coach-3`.
        let id: String
        /// Display name.
        let name: String
    }

    static let authors: [Author] = [
        // Stacks (automated Journeys).
        Author(type: "stack", id: "stack-onboarding", name: "Onboarding"),
        Author(type: "stack", id: "stack-main-menu", name: "Main menu"),
        Author(type: "stack", id: "stack-antenatal-check-in", name: "Antenatal check-in"),
        Author(type: "stack", id: "stack-quit-smoking-coach", name: "Quit smoking coach"),
        Author(type: "stack", id: "stack-nutrition-quiz", name: "Nutrition quiz"),
        // Coaches (people).
        Author(type: "coach", id: "coach-1", name: "Thandi M."),
        Author(type: "coach", id: "coach-2", name: "Joseph K."),
        Author(type: "coach", id: "coach-3", name: "Amina, RN"),
        Author(type: "coach", id: "coach-4", name: "Sipho N."),
        Author(type: "coach", id: "coach-5", name: "Grace O."),
        Author(type: "coach", id: "coach-6", name: "Lerato D."),
        Author(type: "coach", id: "coach-7", name: "Pieter V."),
        // Scheduled reminders.
        Author(type: "reminder", id: "reminder-weekly-tip", name: "Weekly health tip"),
        Author(type: "reminder", id: "reminder-quit-check-in", name: "Quit check-in"),
        Author(type: "reminder", id: "reminder-clinic-visit", name: "Clinic visit reminder"),
        // API integrations.
        Author(type: "api", id: "api-crm-sync", name: "CRM sync"),
        Author(type: "api", id: "api-clinic-booking", name: "Clinic booking API"),
        // Legacy, discontinued 30 June 2024.
        Author(type: "automation", id: "automation-keyword-help", name: "Keyword: HELP"),
        Author(type: "thread", id: "thread-maternal-faq", name: "Maternal FAQ thread"),
    ]

    // Indexes into `authors`.
    static let onboarding = 0
    static let mainMenu = 1
    static let antenatalCheckIn = 2
    static let quitSmokingCoach = 3
    static let nutritionQuiz = 4
    /// The coaches' indexes and how much of the coaching each does.
    static let coaches = [5, 6, 7, 8, 9, 10, 11]
    static let coachWeights = [26, 22, 18, 13, 10, 7, 4]
    static let weeklyTip = 12
    static let quitCheckIn = 13
    static let clinicVisitReminder = 14
    static let crmSync = 15
    static let clinicBooking = 16
    static let keywordHelp = 17
    static let legacyThread = 18

    // MARK: Goals

    /// A goal users can take on.
    struct Goal {
        let id: String
        let name: String
        let description: String
    }

    /// A behaviour of a goal.
    struct Behaviour {
        let id: String
        /// Index into `goals`.
        let goal: Int
        let name: String
    }

    static let goals: [Goal] = [
        Goal(
            id: "goal-antenatal-visits", name: "Attend antenatal visits",
            description: "Book and attend your antenatal visits, starting early in pregnancy."),
        Goal(
            id: "goal-quit-smoking", name: "Quit smoking",
            description: "Set a quit date, then stay smoke-free one week at a time."),
        Goal(
            id: "goal-eat-well", name: "Eat well",
            description: "Eat five portions of fruit and vegetables a day and cook at home more often."),
    ]

    static let behaviours: [Behaviour] = [
        Behaviour(id: "behaviour-booked-visit", goal: 0, name: "Booked a visit"),
        Behaviour(id: "behaviour-attended-visit", goal: 0, name: "Attended a visit"),
        Behaviour(id: "behaviour-quit-date", goal: 1, name: "Set a quit date"),
        Behaviour(id: "behaviour-smoke-free-week", goal: 1, name: "Smoke-free week"),
        Behaviour(id: "behaviour-five-a-day", goal: 2, name: "Ate five fruit and veg"),
        Behaviour(id: "behaviour-healthy-meal", goal: 2, name: "Cooked a healthy meal"),
    ]

    // Indexes into `behaviours`.
    static let bookedVisit = 0
    static let attendedVisit = 1
    static let quitDate = 2
    static let smokeFreeWeek = 3
    static let fiveADay = 4
    static let healthyMeal = 5

    // MARK: Rhythm

    /// Relative chance that a session starts in each local hour (UTC+2), 0–23: quiet nights,
    /// a late-morning peak and an evening peak.
    static let hourWeights = [3, 2, 1, 1, 1, 2, 5, 9, 13, 17, 20, 21, 18, 15, 13, 13, 14, 17, 21, 24, 22, 16, 10, 5]
}
