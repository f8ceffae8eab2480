import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport

@Suite("Class 3: input text read back and echoed")
struct Class3ScenarioTextTests {
    @Test("a rejects file echoes a value as a number only when it reads as one")
    func inputValues() {
        #expect(CSVField.inputValue("-5") == .number("-5"))
        #expect(CSVField.inputValue("-5 people") == .text("-5 people"))
    }

    @Test("hostile ids and names round-trip through the scenario writer and the loaders unchanged")
    func scenarioRoundTrip() async throws {
        let cell = Cell(id: "-C1", siteID: "+S1", operatorName: "@Nhà mạng", technology: .lte, bandMHz: 1800,
                        lon: 105.8, lat: 21.0, heightM: 30, azimuthDeg: 90, beamwidthDeg: 65, rsEIRPdBm: 29.3, powerSource: .grid)
        let bytes = ScenarioCSV.cellsCSV([cell])
        #expect(String(decoding: bytes, as: UTF8.self).contains("'-C1,'+S1,'@Nhà mạng,4G,1800,"))
        let path = try temporaryFile(bytes, name: "cells.csv")
        let loaded = try await CellsLoader.load(path: path)
        #expect(loaded.rows.map(\.id) == ["-C1"])
        #expect(loaded.rows.map(\.siteID) == ["+S1"])
        #expect(loaded.rows.map(\.operatorName) == ["@Nhà mạng"])
    }
}
