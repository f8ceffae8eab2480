import Foundation
import PhusongSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

@Suite("Report languages: texts, numbers, months")
struct ReportLanguageTests {
    @Test("Vietnamese numbers: 1.234,5; English: 1,234.5")
    func numbers() {
        let vi = ReportText.vietnamese, en = ReportText.english
        #expect(vi.decimal(1234.5, decimals: 1) == "1.234,5")
        #expect(en.decimal(1234.5, decimals: 1) == "1,234.5")
        #expect(vi.integer(1_234_567) == "1.234.567")
        #expect(en.integer(-1_234_567) == "-1,234,567")
        #expect(vi.percent(0.98123) == "98,12%")
        #expect(en.percent(0.98123) == "98.12%")
        #expect(vi.decimal(-0.5, decimals: 2) == "-0,50")
        #expect(vi.decimal(999, decimals: 0) == "999")
        #expect(vi.decimal(1_000_000.25, decimals: 2) == "1.000.000,25")
    }

    @Test("months: YYYY-MM only, 1900…9999, 01…12; written per language")
    func months() throws {
        let may = try #require(ReportMonth("2026-05"))
        #expect(may.year == 2026 && may.month == 5 && may.description == "2026-05")
        for bad in ["2026-5", "2026-13", "2026-00", "26-05", "2026/05", "２０２６-05", "1899-12", "2026-05-01", "", "abcd-ef", "+026-05"] {
            #expect(ReportMonth(bad) == nil, "\(bad)")
        }
        #expect(ReportText.vietnamese.month(may) == "tháng 5/2026")
        #expect(ReportText.english.month(may) == "May 2026")
        #expect(ReportMonth(index: may.index + 8)?.description == "2027-01")
        #expect(try #require(ReportMonth("2025-12")) < may)
    }

    @Test("places are filled by number; a place without an argument stays")
    func places() {
        let en = ReportText.english
        #expect(en(.searchCount, "3", "10") == "3 of 10 villages")
        #expect(en(.searchCount, "3") == "3 of {2} villages")
        #expect(ReportText.vietnamese(.pathLossText, "1.500", "A", "2.000", "B", "C") == "dưới 1.500 MHz: A; 1.500–2.000 MHz: B; trên 2.000 MHz: C")
    }

    @Test("the Vietnamese page: lang vi, the ministry's terms, Vietnamese numbers, no English left, no unfilled place",
          arguments: ReportLanguage.allCases)
    func page(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let html = String(decoding: try HTMLReportFixture.page(run, language: language), as: UTF8.self)
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("id=\"report-month\" data-month=\"2026-05\""))
        // The embedded JSON holds the search count's text with its places, for the script, and
        // the scripts follow it: the page's content is what comes before.
        let json = try #require(HTMLReportTests.embeddedJSON(html))
        let content = try #require(html.components(separatedBy: "<script").first)
        #expect(!content.contains("{1}") && !content.contains("{{"), "every place and slot filled")
        #expect(json.contains("\"searchCount\":\"\(language == .vi ? "{1} trên {2} thôn, bản" : "{1} of {2} villages")\""))
        let people = run.tables.national.population
        switch language {
        case .vi:
            for term in ["lõm sóng", "thôn, bản", "xã, phường", "tỉnh, thành phố", "trạm BTS", "Tỷ lệ phủ sóng dân số 5G", "tháng 5/2026"] {
                #expect(html.contains(term), "\(term)")
            }
            #expect(html.contains(ReportText.vietnamese.integer(people) + " người"))
            #expect(people >= 1_000 && html.contains(NumberText.grouped(people).replacingOccurrences(of: ",", with: ".")))
            for english in ["Dead zones", "Villages connected", "Below target", "Target met", "Provinces", "Search village"] {
                #expect(!html.contains(english), "English left: \(english)")
            }
        case .en:
            for term in ["Dead-zone villages", "Villages connected", "5G population coverage", "May 2026", NumberText.grouped(people) + " people"] {
                #expect(html.contains(term), "\(term)")
            }
            #expect(!html.contains("Thôn, bản lõm sóng"))
        }
    }

    @Test("report.xlsx: Vietnamese column headings in vi, the CSV names in en; same cells otherwise")
    func workbookHeadings() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let deadZones = VillageLists.deadZones(run), unpowered = VillageLists.unpowered(run)
        let vi = try ReportWorkbook.bytes(run, deadZones: deadZones, unpowered: unpowered, language: .vi)
        let en = try ReportWorkbook.bytes(run, deadZones: deadZones, unpowered: unpowered, language: .en)
        #expect(vi != en)
        #expect(ReportText.vietnamese.columnLabel("villages_dead_zone") == "Thôn, bản lõm sóng")
        #expect(ReportText.english.columnLabel("villages_dead_zone") == "villages_dead_zone")
        let csvColumns = IndicatorCSV.provinceTable(run.tables).header + IndicatorCSV.communeTable(run.tables).header
            + IndicatorCSV.operatorTable(run.tables).header + VillageListTable.deadZones(deadZones).columns.map(\.name) + ["lon", "lat"]
        for column in csvColumns {
            #expect(ReportText.vietnameseColumns[column] != nil, "no Vietnamese heading for \(column)")
        }
    }
}
