/// How a contact's conversations are closed and re-opened, and the reminders it is sent.
extension ContactSimulation {
    // MARK: Conversations

    /// Coaches close conversations some hours after the last message, and now and then
    /// reopen one by hand to follow up.
    mutating func closeConversations(_ sessions: [Session], into drafts: inout Drafts) {
        let end = timeline.interval.upperBound
        for (k, session) in sessions.enumerated() {
            let next = k + 1 < sessions.count ? sessions[k + 1].start : Int64.max
            // Coaches close most conversations they answered within hours, others within a day
            // or so, and tidy up the last conversation of people who went quiet within days.
            let final = k == sessions.count - 1
            let closes = session.coach != nil ? rng.percent(90) : rng.percent(final ? 92 : 60)
            guard closes else { continue }
            let closer = session.coach ?? DemoCatalog.coaches[rng.weighted(DemoCatalog.coachWeights)]
            let delay: Int64
            if session.coach != nil {
                delay = rng.seconds(900...21_600)
            } else if final, rng.percent(40) {
                delay = rng.seconds(86_400...432_000)
            } else {
                delay = rng.seconds(7200...108_000)
            }
            let closedAt = timeline.workingHours(session.end + delay, &rng)
            guard closedAt < next - 60, closedAt < end else { continue }
            drafts.conversation.append(
                ConversationDraft(
                    time: closedAt, contact: contact, order: nextOrder(), closed: true, coach: Int32(closer)))
            guard rng.percent(7) else { continue }
            // A coach reopens by hand to follow up, and may close again later.
            let coach = rng.percent(60) ? closer : DemoCatalog.coaches[rng.weighted(DemoCatalog.coachWeights)]
            let reopenedAt = timeline.workingHours(closedAt + rng.seconds(3600...129_600), &rng)
            guard reopenedAt < next - 600, reopenedAt < end - 600 else { continue }
            drafts.conversation.append(
                ConversationDraft(
                    time: reopenedAt, contact: contact, order: nextOrder(), closed: false, coach: Int32(coach)))
            var t = reopenedAt + rng.seconds(30...400)
            message(t, author: coach, &drafts)
            if rng.percent(30) {
                t += rng.seconds(20...120)
                message(t, author: coach, &drafts)
            }
            guard rng.percent(60) else { continue }
            let closedAgain = timeline.workingHours(t + rng.seconds(7200...72_000), &rng)
            guard closedAgain < next - 60, closedAgain < end else { continue }
            drafts.conversation.append(
                ConversationDraft(
                    time: closedAgain, contact: contact, order: nextOrder(), closed: true, coach: Int32(coach)))
        }
    }

    // MARK: Reminders

    /// Scheduled reminders while the person is subscribed: from the day after their first
    /// session to a few weeks after their last.
    mutating func sendReminders(_ sessions: [Session], wantsTips: Bool, into drafts: inout Drafts) {
        let first = timeline.day(of: sessions[0].end) + 1
        let last = min(timeline.day(of: sessions[sessions.count - 1].start) + rng.int(7...21), timeline.days - 1)
        guard first <= last else { return }
        let end = timeline.interval.upperBound
        let batchOffset = rng.seconds(0...1200)  // where the contact falls in the send batch
        let quitFrom = program == .quitSmoking && goalStarted ? max(goalStartDay + 1, first) : Int.max
        for day in first...last {
            let weekday = timeline.weekday(ofDay: day)
            if wantsTips, weekday == 2 {  // Tuesdays 09:00
                let time = timeline.start(ofDay: day) + 9 * 3600 + batchOffset
                if time < end { message(time, author: DemoCatalog.weeklyTip, &drafts) }
            }
            if day >= quitFrom, weekday == 5 {  // Fridays 18:00
                let time = timeline.start(ofDay: day) + 18 * 3600 + batchOffset
                if time < end { message(time, author: DemoCatalog.quitCheckIn, &drafts) }
            }
        }
    }
}
