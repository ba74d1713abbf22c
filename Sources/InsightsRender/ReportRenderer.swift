import Foundation
import InsightsMetrics
import Mustache

/// Renders a report's `index.html` from a folder of Mustache templates.
///
/// The folder must hold `report.mustache`; every other `*.mustache` file in it (subfolders
/// included) is a partial named by its path without the extension (`sections/audience`).
public struct ReportRenderer: Sendable {
    /// The folder the templates were read from.
    public let directory: URL
    private let library: MustacheLibrary

    /// Reads and parses every template of a folder.
    public init(templates directory: URL) throws(TemplateError) {
        self.directory = directory
        let root = directory.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw TemplateError.missing(name: "report.mustache", searched: directory.path)
        }
        var library = MustacheLibrary()
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" { files.append(url) }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let name = String(relative.dropLast(".mustache".count))
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw TemplateError.unreadable(file: url.path, reason: error.localizedDescription)
            }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError.syntax(
                    file: url.path, line: error.context.lineNumber, column: error.context.columnNumber,
                    reason: "\(error.error)")
            } catch {
                throw TemplateError.syntax(file: url.path, line: 0, column: 0, reason: "\(error)")
            }
        }
        guard library.getTemplate(named: "report") != nil else {
            throw TemplateError.missing(name: "report.mustache", searched: directory.path)
        }
        self.library = library
    }

    /// The page of a report.
    ///
    /// - Parameter dataAsOf: when the data was last imported, shown in the header. It is a
    ///   property of the database, not of the moment of rendering, so the same database and
    ///   options give the same bytes.
    /// - Parameter navigation: links to neighbouring snapshots, for archive pages.
    /// - Parameter conversationNote: a caveat about how conversation closes were obtained
    ///   (e.g. approximated from a Turn.io export's chat states), shown in that block.
    public func render(
        _ report: Report, dataAsOf: String? = nil, navigation: PageNavigation? = nil, conversationNote: String? = nil
    ) -> String {
        Format.$minCell.withValue(report.pageMinCell) {
            let view = PageView(
                report: report, dataAsOf: dataAsOf, navigation: navigation, conversationNote: conversationNote,
                sentences: (try? summarySentences(report)) ?? [])
            return library.render(view, withTemplate: "report") ?? ""
        }
    }

    /// The email version of a report (`email.mustache`): table layout and inline styles only,
    /// no SVG, no `<details>`, nothing fetched.
    public func renderEmail(_ report: Report, dataAsOf: String? = nil) throws(TemplateError) -> String {
        guard library.getTemplate(named: "email") != nil else {
            throw TemplateError.missing(name: "email.mustache", searched: directory.path)
        }
        return Format.$minCell.withValue(report.pageMinCell) {
            let view = EmailView(report: report, dataAsOf: dataAsOf, sentences: (try? summarySentences(report)) ?? [])
            return library.render(view, withTemplate: "email") ?? ""
        }
    }

    /// The plain-text alternative of the email: the headline numbers.
    public func renderEmailText(_ report: Report, dataAsOf: String? = nil) -> String {
        Format.$minCell.withValue(report.pageMinCell) {
            EmailText.plain(report, dataAsOf: dataAsOf, sentences: (try? summarySentences(report)) ?? [])
        }
    }

    /// Whether the folder has a template of this name.
    func hasTemplate(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a view with a template of the folder (empty when it renders nothing).
    func renderTemplate(_ view: Any, named name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// The archive's home page (`archive-index.mustache`): every snapshot, newest first.
    ///
    /// - Parameter segment: `--segment`, named in the header; with `minCell`, its counts from
    ///   1 to `minCell` − 1 are shown as `< N`.
    public func renderArchiveIndex(
        _ entries: [ArchiveEntry], serviceName: String, timeZone: String, generatorVersion: String, segment: Segment = [],
        minCell: Int? = nil
    ) throws(TemplateError) -> String {
        guard library.getTemplate(named: "archive-index") != nil else {
            throw TemplateError.missing(name: "archive-index.mustache", searched: directory.path)
        }
        return Format.$minCell.withValue(segment.isEmpty ? nil : minCell) {
            var view = ArchiveView(
                entries: entries, serviceName: serviceName, timeZone: timeZone, generatorVersion: generatorVersion)
            view.segmentText = Format.visible(segment.label ?? "")
            view.hasSegment = !segment.isEmpty
            return library.render(view, withTemplate: "archive-index") ?? ""
        }
    }
}

/// A template folder that cannot be used.
public enum TemplateError: Error, Equatable, LocalizedError, Sendable {
    /// A required template is not there.
    case missing(name: String, searched: String)
    /// A template file cannot be read.
    case unreadable(file: String, reason: String)
    /// A template does not parse.
    case syntax(file: String, line: Int, column: Int, reason: String)

    /// One sentence for the user.
    public var errorDescription: String? {
        switch self {
        case .missing(let name, let searched):
            return "no template \(name) in \(searched); pass --templates DIR with a copy of the project's templates/ folder"
        case .unreadable(let file, let reason): return "\(file): cannot read the template: \(reason)"
        case .syntax(let file, let line, let column, let reason):
            return "\(file):\(line):\(column): template syntax error: \(reason)"
        }
    }
}
