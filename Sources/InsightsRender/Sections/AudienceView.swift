import InsightsMetrics
import InsightsPhone

/// The audience section (`templates/sections/audience.mustache`): the `audience-daily` and
/// `audience-countries` blocks.
struct AudienceView {
    struct Day {
        let date: String
        let label: String
        let activeUsers: String
        let newUsers: String
        let returningUsers: String
    }
    struct Country {
        let code: String
        let name: String
        let activeUsers: String
        let share: String
    }
    let headlines: [Headline]
    let daily: [Day]
    let countries: [Country]
    let countryCount: String
    let hasUsers: Bool
    let dailyChart: String
    let countriesChart: String

    static let topCountries = 10

    init(_ audience: AudienceMetrics, headlines: ReportHeadlines) {
        self.headlines = headlines.headlines(for: .audienceDaily)
        daily = audience.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), activeUsers: Format.integer($0.activeUsers),
                newUsers: Format.integer($0.newUsers), returningUsers: Format.integer($0.returningUsers))
        }
        let total = audience.activeUsers
        let names = audience.countries.map { Format.visible(CountryNames.englishName(for: $0.country)) }
        countries = zip(audience.countries, names).map { count, name in
            Country(
                code: Format.visible(count.country), name: name, activeUsers: Format.integer(count.activeUsers),
                share: Format.percent(total == 0 ? nil : Double(count.activeUsers) / Double(total)))
        }
        countryCount = Format.integer(audience.countries.filter { $0.country != "ZZ" }.count)
        hasUsers = total > 0
        let peak = audience.daily.max { $0.activeUsers < $1.activeUsers }
        dailyChart = BarChart(
            id: "audience-daily", title: "Daily active users, new and returning",
            description: "Active users per day, split into new and returning users. "
                + (peak.map { "The busiest day was \(Format.date($0.date)) with \(Format.integer($0.activeUsers)) users." } ?? ""),
            labels: audience.daily.map { Format.dayAndMonth($0.date) },
            fullLabels: audience.daily.map { Format.shortDate($0.date) },
            series: [
                .init(name: "new users", cssClass: "s-new", values: audience.daily.map(\.newUsers)),
                .init(name: "returning users", cssClass: "s-returning", values: audience.daily.map(\.returningUsers)),
            ],
            layout: .stacked, unit: "users"
        ).render()
        var items = zip(audience.countries, names).prefix(Self.topCountries).map { count, name in
            HorizontalBarChart.Item(
                label: name, value: count.activeUsers,
                valueText:
                    "\(Format.integer(count.activeUsers)) (\(Format.percent(Double(count.activeUsers) / Double(max(total, 1)), places: 0)))",
                cssClass: count.country == "ZZ" ? "s-unknown" : "s-country")
        }
        let rest = audience.countries.dropFirst(Self.topCountries)
        if !rest.isEmpty {
            let users = rest.reduce(0) { $0 + $1.activeUsers }
            items.append(
                HorizontalBarChart.Item(
                    label: "Other (\(rest.count) countries)", value: users,
                    valueText: "\(Format.integer(users)) (\(Format.percent(Double(users) / Double(max(total, 1)), places: 0)))",
                    cssClass: "s-other"))
        }
        countriesChart = HorizontalBarChart(
            id: "audience-countries", title: "Active users by country",
            description: "The \(min(audience.countries.count, Self.topCountries)) countries with most active users"
                + (rest.isEmpty ? "." : ", and the other \(rest.count) together."),
            items: items
        ).render()
    }
}
