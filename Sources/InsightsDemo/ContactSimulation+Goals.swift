/// The goals a contact starts, actions and completes in its sessions.
extension ContactSimulation {
    // MARK: Goals

    /// Goal events at the moments the person writes; returns the time of the last message
    /// they cause (or 0).
    mutating func goalEvents(inbound: [Int64], journey: Int, first: Bool, into drafts: inout Drafts) -> Int64 {
        guard program != .general else { return 0 }
        let goal = program.rawValue
        let journeys = [DemoCatalog.antenatalCheckIn, DemoCatalog.quitSmokingCoach, DemoCatalog.nutritionQuiz]
        let programJourney = journeys[goal]
        guard journey == programJourney || first else { return 0 }
        var cursor = 0
        var last: Int64 = 0
        var latest: Int64 = 0
        func nextTime(_ rng: inout DemoRandom) -> Int64 {
            let base = inbound[min(cursor, inbound.count - 1)] + rng.seconds(1...3)
            cursor += 1
            last = max(base, last + 1)
            return last
        }
        let day = timeline.day(of: inbound[0])
        if !goalStarted {
            guard rng.percent(first ? 45 : 60) else { return 0 }
            goalStarted = true
            goalStartDay = day
            goalEvent(nextTime(&rng), .started, goal: goal, &drafts)
            if first { return 0 }
        }
        guard !goalCompleted, journey == programJourney else { return 0 }
        let count = rng.percent(65) ? (rng.percent(20) ? 2 : 1) : 0
        for _ in 0..<count {
            let behaviour: Int
            switch program {
            case .antenatal:
                if let visit = bookedVisits.first, visit <= day, rng.percent(80) {
                    bookedVisits.removeFirst()
                    attendedVisits += 1
                    behaviour = DemoCatalog.attendedVisit
                } else if bookedVisits.isEmpty {
                    behaviour = DemoCatalog.bookedVisit
                } else {
                    continue
                }
            case .quitSmoking:
                behaviour = actions == 0 || rng.percent(15) ? DemoCatalog.quitDate : DemoCatalog.smokeFreeWeek
            case .eatWell:
                behaviour = rng.percent(55) ? DemoCatalog.fiveADay : DemoCatalog.healthyMeal
            case .general:
                return latest
            }
            let time = nextTime(&rng)
            goalEvent(time, .actioned, goal: goal, behaviour: behaviour, &drafts)
            actions += 1
            if behaviour == DemoCatalog.bookedVisit {
                // The clinic's booking system confirms, and reminds the day before the visit.
                let confirmation = time + rng.seconds(20...90)
                message(confirmation, author: DemoCatalog.clinicBooking, &drafts)
                latest = max(latest, confirmation)
                let visitDay = day + rng.int(3...10)
                bookedVisits.append(visitDay)
                let reminder = timeline.start(ofDay: visitDay - 1) + 8 * 3600 + rng.seconds(0...900)
                if reminder < timeline.interval.upperBound {
                    message(reminder, author: DemoCatalog.clinicVisitReminder, &drafts)
                }
            }
        }
        // Completing takes a few actions (for antenatal visits, at least one visit attended).
        let attended = program != .antenatal || attendedVisits >= 1
        if actions >= actionsToComplete, attended, rng.percent(40) {
            goalCompleted = true
            goalEvent(nextTime(&rng), .completed, goal: goal, &drafts)
        }
        return latest
    }
}
