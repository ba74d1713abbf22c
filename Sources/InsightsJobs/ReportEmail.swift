import Foundation
import InsightsMetrics
import InsightsRender

/// A report's `email.html` and `report.eml`, the same for `insights report --email` and the
/// newest month of `insights archive --send`.
enum ReportEmail {
    /// The two files; `page` is the report page attached to the message.
    static func files<Source>(
        _ report: Report, email: ReportJob<Source>.Email, renderer: ReportRenderer, dataAsOf: String?, page: String
    ) throws -> [OutputFile] {
        let html = try renderer.renderEmail(report, dataAsOf: dataAsOf)
        let message = EmailMessage(
            from: email.from ?? "Insights <insights@localhost>", to: email.to,
            subject: email.subject
                ?? "\(report.serviceName): Insights report, \(Format.monthLabel(report.period))"
                + (report.segment.label.map { " (\($0))" } ?? ""),
            date: ReportJob<Source>.midnight(after: report.period.to), html: html,
            text: renderer.renderEmailText(report, dataAsOf: dataAsOf), attachment: page)
        return [OutputFile(path: "email.html", text: html), OutputFile(path: "report.eml", text: message.rendered())]
    }
}
