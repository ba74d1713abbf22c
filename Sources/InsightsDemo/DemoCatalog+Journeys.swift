/// The Journeys of the demo helpline (the Stack authors of `DemoCatalog.authors`, same ids and
/// names), what they ask, the contact fields and the network's failure codes.
extension DemoCatalog {
    // MARK: Journeys

    /// The answers a question can get.
    enum Answers {
        /// Categories with relative weights, including the case and space variants people type.
        case choices([(String, Int)])
        /// A whole number in a range, uniformly.
        case number(ClosedRange<Int>)
        /// The Onboarding's programme question: the answer depends on the contact's programme.
        case programme
    }

    /// A question of a Journey, asked at one of its steps.
    struct Question {
        /// The result's key, e.g. `smoking_status`.
        let key: String
        /// The index of the step that asks it (never the last step).
        let step: Int
        let answers: Answers
    }

    /// A Journey: one of the Stack authors, its steps in order and its questions.
    struct Journey {
        /// Index into `authors` (its id and name are the Journey's).
        let author: Int
        /// Step names; the last one is where completed runs end.
        let steps: [String]
        /// Percent of runs that reach the end.
        let completion: Int
        /// The first question is the Journey's baseline question.
        let questions: [Question]
    }

    /// The Journeys, one per Stack author, in the order of `authors` (so `journeys[i].author == i`).
    static let journeys: [Journey] = [
        Journey(
            author: onboarding, steps: ["welcome", "consent", "programme", "language", "thank_you"], completion: 74,
            questions: [
                Question(
                    key: "consent", step: 1,
                    answers: .choices([("Yes", 70), ("yes", 12), (" yes", 4), ("YES", 3), ("No", 8), ("no", 3)])),
                Question(key: "programme", step: 2, answers: .programme),
            ]),
        Journey(
            author: mainMenu, steps: ["menu", "topic", "answer", "feedback", "goodbye"], completion: 70,
            questions: [
                Question(
                    key: "menu_choice", step: 0,
                    answers: .choices([
                        ("1", 30), ("2", 22), ("3", 15), ("4", 10), ("5", 5), ("Talk to a nurse", 8),
                        ("talk to a nurse", 3), ("HELP", 4), ("menu", 3),
                    ])),
                Question(
                    key: "helpful", step: 3,
                    answers: .choices([
                        ("Yes", 55), ("yes", 10), (" yes ", 3), ("No", 15), ("Not really", 8), ("👍", 9),
                    ])),
            ]),
        Journey(
            author: antenatalCheckIn,
            steps: ["greeting", "pregnancy_week", "danger_signs", "clinic_booked", "advice", "done"], completion: 58,
            questions: [
                Question(
                    key: "danger_signs", step: 2,
                    answers: .choices([
                        ("None", 60), ("none", 12), ("No", 8), ("Headache", 7), ("Swelling", 5), ("Bleeding", 3),
                        ("Reduced movement", 5),
                    ])),
                Question(key: "pregnancy_week", step: 1, answers: .number(8...40)),
                Question(
                    key: "clinic_booked", step: 3,
                    answers: .choices([("Yes", 50), ("yes", 10), ("No", 30), ("Not yet", 10)])),
            ]),
        Journey(
            author: quitSmokingCoach,
            steps: ["check_in", "smoking_status", "cigarettes_per_day", "cravings", "tip", "end"], completion: 52,
            questions: [
                Question(
                    key: "smoking_status", step: 1,
                    answers: .choices([
                        ("Smoke-free", 35), ("smoke-free", 6), ("Smoke free", 6), ("Cut down", 25), ("cut down ", 4),
                        ("Same as before", 18), ("Smoking more", 6),
                    ])),
                Question(key: "cigarettes_per_day", step: 2, answers: .number(0...25)),
                Question(
                    key: "cravings", step: 3,
                    answers: .choices([("Low", 30), ("Medium", 35), ("High", 25), ("high", 5), ("None", 5)])),
            ]),
        Journey(
            author: nutritionQuiz, steps: ["intro", "veg_portions", "water_glasses", "sugary_drinks", "score"],
            completion: 60,
            questions: [
                Question(
                    key: "veg_portions", step: 1,
                    answers: .choices([("0", 10), ("1-2", 40), ("3-4", 30), ("5+", 15), ("5 +", 5)])),
                Question(key: "water_glasses", step: 2, answers: .number(0...10)),
                Question(
                    key: "sugary_drinks", step: 3,
                    answers: .choices([("Never", 20), ("Sometimes", 40), ("Daily", 30), ("daily", 10)])),
            ]),
    ]

    /// The Onboarding's `programme` answers, by programme (the order of `goals`, then none).
    static let programmeAnswers: [[(String, Int)]] = [
        [("Pregnancy", 80), ("pregnancy", 12), ("Pregnant", 8)],
        [("Quit smoking", 85), ("quit smoking", 10), ("Stop smoking ", 5)],
        [("Healthy eating", 85), ("healthy eating", 15)],
        [("Just browsing", 60), ("Other", 40)],
    ]

    /// The Nutrition quiz was called this before `renamedAt`: its older runs carry the old name.
    static let oldNutritionQuizName = "Healthy eating quiz"
    /// When the Nutrition quiz got its current name: 2025-09-01T00:00:00Z.
    static let renamedAt: Int64 = Civil.epochDay(year: 2025, month: 9, day: 1) * 86_400

    /// A run waiting for an answer expires this long after its last step (24 hours).
    static let runTimeout: Int64 = 86_400

    // MARK: Contact fields

    /// Districts (South African metros) with skewed sizes.
    static let districts: [(String, Int)] = [
        ("Johannesburg", 30), ("Tshwane", 18), ("Ekurhuleni", 14), ("eThekwini", 12), ("Cape Town", 10),
        ("Nelson Mandela Bay", 6), ("Buffalo City", 5), ("Mangaung", 3),
    ]

    /// The languages of South African contacts (everyone else is `en`).
    static let languages: [(String, Int)] = [("en", 55), ("zu", 22), ("xh", 13), ("af", 10)]

    // MARK: Message statuses

    /// WhatsApp's failure codes, as the `error` column carries them (the last one: no error given).
    static let failureErrors = [
        "131026 Message undeliverable", "131047 Re-engagement message", "131051 Unsupported message type", "",
    ]
}
