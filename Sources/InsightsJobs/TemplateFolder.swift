import Foundation

/// Where the report templates are.
public enum TemplateFolder {
    /// `option` (`--templates`), else `./templates`, else the `templates` folder of the
    /// package the executable was built in.
    public static func locate(_ option: String?) throws(JobError) -> URL {
        if let option { return URL(fileURLWithPath: option) }
        var searched: [String] = []
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("templates")
        searched.append(local.path)
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("report.mustache").path) { return local }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("templates")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("report.mustache").path) {
                return candidate
            }
            searched.append(candidate.path)
            folder = folder.deletingLastPathComponent()
        }
        throw JobError.noTemplates(searched: Array(searched.prefix(3)))
    }
}
