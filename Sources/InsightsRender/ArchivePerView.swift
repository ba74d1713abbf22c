import InsightsMetrics

/// The home page of `archive --per FIELD` (`archive-per-index.mustache`): one link per
/// value's archive.
struct ArchivePerView {
    struct Value {
        let value: String
        let contacts: String
        let href: String
    }

    let serviceName: String
    let field: String
    let timeZone: String
    let generator: String
    let count: String
    let values: [Value]
    let hasLeftOut: Bool
    let leftOut: String
    let segmentText: String
    let hasSegment: Bool
}

extension ReportRenderer {
    /// The home page of `archive --per FIELD`: each value's archive (most contacts first)
    /// with its number of contacts (from 1 to `minCell` − 1 shown as `< N`), and how many
    /// values were left out.
    public func renderPerValueIndex(
        field: String, values: [(value: String, contacts: Int, href: String)], leftOut: Int, serviceName: String,
        timeZone: String, generatorVersion: String, segment: Segment = [], minCell: Int? = nil
    ) throws(TemplateError) -> String {
        guard hasTemplate("archive-per-index") else {
            throw TemplateError.missing(name: "archive-per-index.mustache", searched: directory.path)
        }
        let view = ArchivePerView(
            serviceName: Format.visible(serviceName), field: Format.visible(field), timeZone: timeZone,
            generator: "Insights \(generatorVersion)", count: Format.plainInteger(values.count),
            values: values.map {
                ArchivePerView.Value(
                    value: Format.visible($0.value),
                    contacts: SmallCounts.text($0.contacts, minCell: minCell, format: Format.plainInteger), href: $0.href)
            }, hasLeftOut: leftOut > 0, leftOut: Format.plainInteger(leftOut),
            segmentText: Format.visible(segment.label ?? ""), hasSegment: !segment.isEmpty)
        return renderTemplate(view, named: "archive-per-index")
    }
}
