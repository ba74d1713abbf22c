import Foundation

/// Prints a report page to PDF with headless Chromium (Debian's `chromium`).
public enum PDFPrinter {
    /// The browsers tried, in order.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Prints `page` to `pdf` (A4 comes from the page's print style); returns the PDF's path.
    public static func print(_ page: URL, to pdf: URL) throws -> String {
        guard let browser = findBrowser() else { throw JobError.noChromium }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"]
        // Chromium refuses to run as root inside its sandbox (containers, CI).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        process.arguments = arguments + [page.absoluteURL.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try? FileManager.default.removeItem(at: pdf)
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            let last = message.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw JobError.pdfFailed(last)
        }
        return pdf.path
    }

    private static func findBrowser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
