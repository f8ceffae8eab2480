import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports
@testable import PhusongSupport

/// The drill-down data packed into report.html (`HTMLDrillData`, `HTMLPackedJSON`): checked
/// against the villages file itself, read here with the CSV reader rather than taken from the run.
@Suite("report.html: packed drill-down data")
struct HTMLDrillTests {
    @Test("every commune's entry holds exactly its villages from villages.csv, in file order, with population and coverage")
    func communesHoldTheirVillages() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let html = String(decoding: try HTMLReportFixture.page(run), as: UTF8.self)
        let drill = try HTMLDrillFixture.unpacked(html)
        let places = try HTMLDrillFixture.unpacked(html, id: "place-data")
        let packed = try #require(places["v"] as? [String: [[Any]]])
        let file = try HTMLDrillFixture.villagesByCommune(HTMLReportFixture.repository.appendingPathComponent("geodata/default/villages.csv").path)
        #expect(Set(packed.keys) == Set(file.keys))
        #expect(packed.count == 148, "the default data's communes")
        let coverage = Dictionary(uniqueKeysWithValues: zip(run.inputs.scenario.villages.map(\.id), run.coverage))
        for (commune, rows) in file {
            let entries = try #require(packed[commune])
            #expect(entries.map { HTMLDrillFixture.villageID(commune, $0) } == rows.map(\.id), "commune \(commune)")
            #expect(entries.map { $0[1] as? String } == rows.map(\.name), "commune \(commune)")
            #expect(entries.map { $0[2] as? Int } == rows.map(\.population), "commune \(commune)")
            for (entry, row) in zip(entries, rows) {
                let flags = try #require(entry[3] as? Int)
                let state = try #require(coverage[row.id])
                #expect((flags & 1 != 0, flags & 2 != 0) == (state.covered4G, state.covered5G), "\(row.id)")
            }
        }
        let communes = try #require(drill["c"] as? [[Any]])
        #expect(communes.map { $0[0] as? String } == run.tables.communes.map(\.code))
        for area in communes {
            let code = try #require(area[0] as? String)
            #expect(area[3] as? Int == file[code]?.count, "commune \(code): villages count = its rows")
        }
        let provinces = try #require(drill["p"] as? [[Any]])
        #expect(provinces.map { $0[0] as? String } == ["11", "12", "14"])
        #expect(provinces.map { $0[3] as? Int } == [1000, 850, 1850])
        #expect(provinces.first?[1] as? String == "Điện Biên", "the catalogue's name without boundary files")
        let sites = try #require(places["s"] as? [String: [[Any]]])
        let areas = zip(run.engine.sites, run.tables.siteAreas).map { ($0.id, ($1.provinceCode ?? "") + "/" + ($1.communeCode ?? "")) }
        #expect(sites.values.reduce(0) { $0 + $1.count } == run.engine.sites.count)
        for (area, rows) in sites {
            #expect(rows.map { $0[0] as? String } == areas.filter { $0.1 == area }.map(\.0), "sites of \(area)")
        }
    }

    @Test("the villages and sites written commune by commune are the bytes of the whole value encoded at once")
    func placeDataByCommune() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let places = HTMLPlaceData(run)
        #expect(places.v.count == 148 && !places.s.isEmpty && places.o.count >= 2)
        #expect(try places.compactJSON() == (try JSONDocument.bytes(places, pretty: false)))
        #expect(try HTMLPackedJSON.unpacked(HTMLPackedJSON.packed(places)) == (try JSONDocument.bytes(places, pretty: false)))
    }

    @Test("packing round-trips and shrinks: raw DEFLATE, base64")
    func packing() throws {
        let value = ["v": Array(repeating: "Điện Biên Phủ", count: 1_000)]
        let packed = try HTMLPackedJSON.packed(value)
        #expect(packed.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) })
        let json = try HTMLPackedJSON.unpacked(packed)
        #expect(json == (try JSONDocument.bytes(value, pretty: false)))
        #expect(packed.utf8.count * 20 < json.count, "\(packed.utf8.count) of \(json.count) bytes")
        #expect(throws: (any Error).self) { try HTMLPackedJSON.unpacked("not base64 !") }
    }

    @Test("the drill-down's texts have the same keys in Vietnamese and English, none empty")
    func texts() {
        #expect(Set(DrillText.vietnamese.keys) == Set(DrillText.english.keys))
        #expect(DrillText.vietnamese.values.allSatisfy { !$0.isEmpty } && DrillText.english.values.allSatisfy { !$0.isEmpty })
        #expect(DrillText.vietnamese["commune"] == "Xã, phường" && DrillText.vietnamese["village"] == "Thôn, bản")
    }
}

/// Reading the packed data back out of a page.
enum HTMLDrillFixture {
    /// The JSON of `<script … id="drill-data">` (or another id) of `html`, parsed.
    static func unpacked(_ html: String, id: String = "drill-data") throws -> [String: Any] {
        let marker = "id=\"\(id)\">"
        let start = try #require(html.range(of: marker))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try HTMLPackedJSON.unpacked(String(html[start.upperBound..<end.lowerBound]))
        return try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    /// A packed village's id: flag 8 means "commune code, '-', id".
    static func villageID(_ commune: String, _ entry: [Any]) -> String? {
        guard let id = entry.first as? String, let flags = entry.last as? Int else { return nil }
        return flags & 8 != 0 ? commune + "-" + id : id
    }

    struct Row {
        var id: String
        var name: String
        var population: Int
    }

    /// The rows of a villages file by commune code, in file order.
    static func villagesByCommune(_ path: String) throws -> [String: [Row]] {
        let reader = try CSVReader(path: path)
        let header = try #require(try reader.next())
        let names = (0..<header.count).map { header.text($0) ?? "" }
        let id = try #require(names.firstIndex(of: "village_id")), name = try #require(names.firstIndex(of: "name"))
        let commune = try #require(names.firstIndex(of: "commune_code")), population = try #require(names.firstIndex(of: "population"))
        var rows: [String: [Row]] = [:]
        while let record = try reader.next() {
            rows[record.text(commune) ?? "", default: []].append(
                Row(id: record.text(id) ?? "", name: record.text(name) ?? "", population: Int(record.text(population) ?? "") ?? -1))
        }
        return rows
    }
}
