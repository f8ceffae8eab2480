import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport
@testable import PhusongReports

/// Coverage runs, pages and a headless Chromium for the report.html tests.
enum HTMLReportFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The embedded default data (geodata/default: 3 provinces, no boundary file), computed once.
    static let defaultRun = Task {
        try await run(villages: repository.appendingPathComponent("geodata/default/villages.csv").path,
                      cells: repository.appendingPathComponent("geodata/default/cells.csv").path)
    }

    static func run(villages: String, cells: String, admin: [String] = [], threads: Int = 2) async throws -> CoverageRun {
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells, admin: admin), policy: .stop, threads: threads)
        return try await CoverageRun.compute(inputs: inputs, configuration: PhusongConfiguration(), threads: threads)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-html-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The month the test pages describe.
    static let month = ReportMonth(year: 2026, month: 5)

    /// The edition of the test pages: May 2026 in `language` (English unless given), with the
    /// map library where Debian puts it (or, with `leafletDirectory`, from there).
    static func edition(_ language: ReportLanguage = .en, leafletDirectory: String? = nil) throws -> ReportEdition {
        ReportEdition(language: language, month: try #require(month),
                      mapLibrary: Result { () throws(LeafletAssets.Missing) in try LeafletAssets.load(directory: leafletDirectory) })
    }

    /// The page of `run` in `language`.
    static func page(_ run: CoverageRun, language: ReportLanguage = .en, version: String = "t") throws -> [UInt8] {
        try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: version, edition: edition(language))
    }

    /// Writes the page of `run` to `<temporary folder>/report.html` and returns its bytes and
    /// path; `discard(_:)` removes it. With `PHUSONG_HTML_KEEP=<folder>` in the environment the
    /// page is also copied to `<folder>/<label>.html`, to look at it in a browser.
    static func writePage(_ run: CoverageRun, label: String, language: ReportLanguage = .en) throws -> (bytes: [UInt8], path: String) {
        let bytes = try page(run, language: language, version: "0.0.0-test")
        let path = try temporaryFolder(label).appendingPathComponent("report.html").path
        try AtomicFile.write(bytes, to: path)
        if let keep = ProcessInfo.processInfo.environment["PHUSONG_HTML_KEEP"], !keep.isEmpty {
            try AtomicFile.write(bytes, to: keep + "/" + label + ".html")
        }
        return (bytes, path)
    }

    /// Removes the temporary folder of a page written by `writePage`.
    static func discard(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

/// Headless Chromium (Debian's `chromium`), run as root here, hence `--no-sandbox`.
enum HeadlessChromium {
    static let path = "/usr/bin/chromium"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }
    static let skipReason: Comment = "skipped: /usr/bin/chromium is not installed (apt-get install chromium)"

    struct Rendering {
        var dom: String
        /// Chromium's log (`--enable-logging=stderr`): console messages and uncaught errors.
        var log: String
        var seconds: Double

        /// Log lines of the page's console: uncaught exceptions ("Uncaught …"), console.error
        /// and warnings, failed loads. Chromium logs them all as `:INFO:CONSOLE` (older
        /// versions: `:ERROR:CONSOLE`); report.html writes nothing to the console, so any is
        /// a failure.
        var scriptErrors: [String] {
            log.split(separator: "\n").map(String.init).filter { $0.contains("Uncaught") || $0.contains("CONSOLE") }
        }
    }

    /// Loads `file` (plus `fragment`, e.g. "#search=Dien%20Bien") and returns the DOM after
    /// the page's scripts ran (5 s of virtual time), with its own throwaway profile.
    /// - Parameter windowSize: the window's width and height in CSS pixels, when not the default.
    static func dumpDOM(file: String, fragment: String = "", windowSize: (Int, Int)? = nil, timeoutSeconds: Double = 180) throws -> Rendering {
        var options = ["--virtual-time-budget=5000", "--dump-dom"]
        if let (width, height) = windowSize { options.append("--window-size=\(width),\(height)") }
        let (stdout, log, seconds) = try run(options, url: URL(fileURLWithPath: file).absoluteString + fragment, timeoutSeconds: timeoutSeconds)
        return Rendering(dom: String(decoding: stdout, as: UTF8.self), log: log, seconds: seconds)
    }

    /// Prints `file` to PDF as Chromium's print command does (the page's own print style
    /// sheet and @page rules, no browser header or footer) and returns the PDF's bytes.
    static func printToPDF(file: String, timeoutSeconds: Double = 180) throws -> [UInt8] {
        let folder = try HTMLReportFixture.temporaryFolder("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("page.pdf")
        _ = try run(["--virtual-time-budget=5000", "--no-pdf-header-footer", "--print-to-pdf=" + pdf.path],
                    url: URL(fileURLWithPath: file).absoluteString, timeoutSeconds: timeoutSeconds)
        return Array(try Data(contentsOf: pdf))
    }

    /// A PNG screenshot of `file` in a window of `width` × `height` CSS pixels, after its
    /// scripts ran; returns the PNG's bytes.
    static func screenshot(file: String, width: Int, height: Int, timeoutSeconds: Double = 180) throws -> [UInt8] {
        let folder = try HTMLReportFixture.temporaryFolder("png")
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("page.png")
        _ = try run(["--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=" + png.path],
                    url: URL(fileURLWithPath: file).absoluteString, timeoutSeconds: timeoutSeconds)
        return Array(try Data(contentsOf: png))
    }

    /// Runs Chromium headless on `url` with `options` and its own throwaway profile; returns
    /// its standard output, its log and the seconds it took.
    private static func run(_ options: [String], url: String, timeoutSeconds: Double) throws -> (stdout: [UInt8], log: String, seconds: Double) {
        let folder = try HTMLReportFixture.temporaryFolder("chromium")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdoutURL = folder.appendingPathComponent("dom.html"), stderrURL = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=" + folder.appendingPathComponent("profile").path,
        ] + options + [url]
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL), stderrHandle = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeoutSeconds {
                process.terminate()
                process.waitUntilExit()
                throw ChromiumError(message: "chromium did not finish within \(Int(timeoutSeconds)) s")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let seconds = Date().timeIntervalSince(start)
        try stdoutHandle.close()
        try stderrHandle.close()
        let stdout = Array(try Data(contentsOf: stdoutURL))
        let log = String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ChromiumError(message: "chromium exited with \(process.terminationStatus): \(log.suffix(2000))")
        }
        return (stdout, log, seconds)
    }

    struct ChromiumError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Reads the test hooks of report.html out of a dumped DOM.
struct HTMLReportDOM {
    var html: String

    /// The opening tag of the element with `id`.
    func openingTag(id: String) -> String? {
        guard let idRange = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let start = html[..<idRange.lowerBound].lastIndex(of: "<"),
              let end = html[idRange.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[start...end])
    }

    /// The value of `name` in the opening tag of the element with `id`.
    func attribute(_ name: String, id: String) -> String? {
        guard let tag = openingTag(id: id), let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The `<tr>` elements (opening tag and content) of the first `<tbody>` after `marker`.
    func bodyRows(after marker: String) -> [String] {
        guard let markerRange = html.range(of: marker),
              let bodyStart = html.range(of: "<tbody", range: markerRange.upperBound..<html.endIndex),
              let bodyEnd = html.range(of: "</tbody>", range: bodyStart.upperBound..<html.endIndex) else { return [] }
        let body = html[bodyStart.upperBound..<bodyEnd.lowerBound]
        return body.components(separatedBy: "<tr").dropFirst().map { "<tr" + $0 }
    }

    static func isHidden(_ row: String) -> Bool {
        let tag = row.prefix { $0 != ">" }
        return tag.contains(" hidden=\"\"") || tag.contains(" hidden ") || tag.hasSuffix(" hidden")
    }

    static func attribute(_ name: String, ofRow row: String) -> String? {
        let tag = row.prefix { $0 != ">" }
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    var provinceRows: [String] { bodyRows(after: "id=\"province-table\"") }
    var deadZoneRows: [String] { bodyRows(after: "id=\"dead-zone-table\"") }
    var visibleDeadZoneRows: [String] { deadZoneRows.filter { !Self.isHidden($0) } }
}
