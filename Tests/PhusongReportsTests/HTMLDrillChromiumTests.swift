import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports
@testable import PhusongSupport

/// report.html's drill-down and search, and compare.html's paged tables, rendered by headless
/// Chromium: what the hash routes show is checked against the villages file and the run.
@Suite("report.html drill-down and compare.html in headless Chromium", .enabled(if: HeadlessChromium.available, HeadlessChromium.skipReason))
struct HTMLDrillChromiumTests {
    /// The rows `PagedTable` draws at most at once.
    static let pageSize = 50

    @Test("#c=CODE shows exactly that commune's villages from villages.csv, in file order, under its province", arguments: ReportLanguage.allCases)
    func commune(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let file = try HTMLDrillFixture.villagesByCommune(HTMLReportFixture.repository.appendingPathComponent("geodata/default/villages.csv").path)
        let (code, rows) = try #require(file.filter { $0.key != "" }.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
        let dom = try Self.rendered(run, label: "commune-" + language.rawValue, fragment: "#c=" + code, language: language)
        #expect(dom.attribute("data-level", id: "drill") == "c" && dom.attribute("data-code", id: "drill") == code)
        let shown = dom.bodyRows(after: "id=\"drill-table\"")
        #expect(rows.count <= Self.pageSize)
        #expect(shown.map { HTMLReportDOM.attribute("data-code", ofRow: $0) } == rows.map(\.id))
        #expect(dom.attribute("data-visible", id: "drill-table") == String(rows.count))
        let province = try #require(run.tables.communes.first { $0.code == code }?.provinceCode)
        #expect(dom.openingTag(id: "drill-crumbs") != nil)
        #expect(dom.html.contains("<a href=\"#p=\(province)\">"), "the breadcrumb leads back to the province")
        #expect(dom.html.contains(language == .vi ? "Các thôn, bản của" : "Villages of"))
    }

    @Test("#p=14 lists the province's communes a page at a time, with a pager")
    func provincePaged() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let communes = run.tables.communes.filter { $0.provinceCode == "14" }
        #expect(communes.count > Self.pageSize, "\(communes.count) communes: more than one page")
        let dom = try Self.rendered(run, label: "province-14", fragment: "#p=14")
        let shown = dom.bodyRows(after: "id=\"drill-table\"")
        #expect(shown.map { HTMLReportDOM.attribute("data-code", ofRow: $0) } == communes.prefix(Self.pageSize).map(\.code))
        #expect(dom.attribute("data-visible", id: "drill-table") == String(communes.count))
        let pages = (communes.count + Self.pageSize - 1) / Self.pageSize
        #expect(dom.attribute("data-pages", id: "drill-pager") == String(pages))
        #expect(shown.allSatisfy { $0.contains("href=\"#c=") }, "each commune links one level down")
    }

    @Test("#find= finds provinces, communes, villages and sites by name or code, diacritics ignored",
          arguments: [("Dien%20Bien", "dien bien"), ("%C4%90i%E1%BB%87n%20Bi%C3%AAn", "dien bien"), ("DIEN+bien", "dien bien"),
                      ("ban%20muong", "ban muong"), ("VT-0000", "vt-0000")])
    func find(fragment: String, query: String) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let expected = Self.findMatches(run, query: query)
        #expect(expected > 0, "'\(query)' matches something in the default data")
        let dom = try Self.rendered(run, label: "find-" + query.filter(\.isLetter), fragment: "#find=" + fragment)
        #expect(dom.attribute("data-visible", id: "find-table") == String(expected))
        #expect(dom.bodyRows(after: "id=\"find-table\"").count == min(expected, 20))
    }

    /// What the page's search should find for `query` (already folded): every province,
    /// commune, village and site with `query` in its name or code (for a site, its operator or
    /// id), each text folded on its own.
    static func findMatches(_ run: CoverageRun, query: String) -> Int {
        func matches(_ texts: String?...) -> Bool {
            texts.contains { text in
                text.map { UnicodeText.searchKey($0).split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(query) } ?? false
            }
        }
        let provinces = run.tables.provinces.count {
            matches($0.name ?? VillageLists.provinceName($0.code, boundaries: run.inputs.boundaries) ?? $0.code, $0.code)
        }
        let communes = run.tables.communes.count { matches(($0.name ?? "").isEmpty ? $0.code : $0.name, $0.code) }
        let villages = run.inputs.scenario.villages.count { matches($0.name.isEmpty ? $0.id : $0.name, $0.id) }
        let sites = run.engine.sites.count { matches($0.operatorName, $0.id) }
        return provinces + communes + villages + sites
    }

    @Test("the page's folding: 'Điện Biên Phủ' (composed or not), 'dien  bien phu' and 'ĐIỆN BIÊN PHỦ' give one key")
    func folding() throws {
        let decomposed = "Điện Biên Phủ".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Điện Biên Phủ".unicodeScalars.count, "really decomposed")
        let inputs = ["Điện Biên Phủ", decomposed, "dien  bien phu", "ĐIỆN BIÊN PHỦ", " Dien Bien Phu "]
        let script = "var inputs = " + (try HTMLText.scriptJSON(inputs)) + ";\n"
            + "document.body.setAttribute('data-keys', JSON.stringify(inputs.map(PagedTable.fold)));"
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><script>\n" + HTMLResources.pagedTableScript
            + "\n</script><script>\n" + script + "\n</script></body></html>"
        let folder = try HTMLReportFixture.temporaryFolder("fold")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("fold.html").path
        try AtomicFile.write(Array(page.utf8), to: path)
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let keys = try #require(rendering.dom.range(of: "data-keys=\"").map { rendering.dom[$0.upperBound...].prefix { $0 != "\"" } })
        #expect(String(keys) == "[&quot;dien bien phu&quot;,&quot;dien bien phu&quot;,&quot;dien bien phu&quot;,&quot;dien bien phu&quot;,&quot;dien bien phu&quot;]")
    }

    @Test("the default page's DOM stays small: no table holds more than a page of rows")
    func domBounded() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let dom = try Self.rendered(run, label: "dom-size", fragment: "#find=t")
        let elements = Self.elementCount(dom.html)
        #expect(elements < 3_000, "\(elements) elements")
        #expect(Int(dom.attribute("data-visible", id: "find-table") ?? "") ?? 0 > 1_000, "the search matched many rows…")
        #expect(dom.bodyRows(after: "id=\"find-table\"").count == 20, "…and drew one page of them")
    }

    /// The page of `run` rendered by Chromium at `fragment`, checked for script errors.
    static func rendered(_ run: CoverageRun, label: String, fragment: String, language: ReportLanguage = .en) throws -> HTMLReportDOM {
        let (_, path) = try HTMLReportFixture.writePage(run, label: label, language: language)
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: fragment)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        return HTMLReportDOM(html: rendering.dom)
    }

    /// Elements of a dumped DOM: its start tags.
    static func elementCount(_ html: String) -> Int {
        var count = 0
        var previous: Character = " "
        for character in html {
            if previous == "<", character.isLetter { count += 1 }
            previous = character
        }
        return count
    }

    @Test("compare.html: changed villages and sites drawn a page at a time from packed data, every row counted")
    func comparePage() async throws {
        let folder = HTMLReportFixture.repository.appendingPathComponent("geodata/default").path
        let inputs = try await ScenarioLoader.load(InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
        var without5G = inputs
        without5G.scenario.cells.removeAll { $0.technology == .nr }
        without5G.sites = SiteTable(cells: without5G.scenario.cells)
        let scratch = try HTMLReportFixture.temporaryFolder("compare")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (name, scenario) in [("before", inputs), ("after", without5G)] {
            let run = try await CoverageRun.compute(inputs: scenario, configuration: PhusongConfiguration(), threads: 2)
            _ = try await ReportFiles.write(run, to: scratch.appendingPathComponent(name).path, toolVersion: "test", configurationPath: nil,
                                            edition: HTMLReportFixture.edition())
        }
        let comparison = ReportComparison(before: try ReportSnapshot.load(folder: scratch.appendingPathComponent("before").path),
                                          after: try ReportSnapshot.load(folder: scratch.appendingPathComponent("after").path))
        #expect(comparison.villages.count > Self.pageSize && !comparison.sites.isEmpty)
        let bytes = try ComparisonFiles.html(comparison)
        let path = scratch.appendingPathComponent("compare.html").path
        try AtomicFile.write(bytes, to: path)
        let packed = try HTMLDrillFixture.unpacked(String(decoding: bytes, as: UTF8.self), id: "compare-data")
        #expect((packed["v"] as? [[Any]])?.map { $0.first as? String } == comparison.villages.map(\.id))
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-visible", id: "village-table") == String(comparison.villages.count))
        #expect(dom.attribute("data-visible", id: "site-table") == String(comparison.sites.count))
        let villageRows = dom.bodyRows(after: "id=\"village-table\"")
        #expect(villageRows.count == Self.pageSize)
        #expect(villageRows.first?.contains(">\(comparison.villages[0].id)<") == true)
        #expect(dom.bodyRows(after: "id=\"site-table\"").count == min(comparison.sites.count, Self.pageSize))
        #expect(dom.html.contains("data-ready-ms=\""))
        #expect(Self.elementCount(rendering.dom) < 1_000)
    }
}
