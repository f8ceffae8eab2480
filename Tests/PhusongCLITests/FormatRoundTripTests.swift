import Foundation
import PhusongTestSupport
import Testing

/// Issue 16's round trip on the Điện Biên subset: villages and cells converted with ogr2ogr to
/// GeoPackage, Shapefile, XLSX, ODS, MapInfo TAB, FlatGeobuf, and to EPSG:3857 and EPSG:3405,
/// give the report of the CSV input.
///
/// What is compared: every CSV of the report folder, and summary.json without its `inputs`
/// (the input files' paths and SHA-256, which name the converted files); report.html without
/// its Inputs section. Without reprojection they must be byte-identical. After reprojection
/// (coordinates through PROJ and back) every count, status, code and text is equal, and
/// coordinates differ by at most 1e-6°, RSRP by 0.01 dB, distances by 0.5 m and other real
/// figures (areas, shares, means) by a relative 1e-6.
@Suite(
    .enabled(if: GDALTools.available, GDALTools.skipReason),
    .enabled(if: SharedData.has("vn-national-2025/subset-dienbien"), SharedData.skipReason))
struct FormatRoundTripTests {
    static let subset = SharedData.path("vn-national-2025/subset-dienbien")
    static let provinces = SharedData.path("vn-admin-2025/vn_provinces_34_simplified.geojson")

    /// One conversion: the folder's name, the extension, and how ogr2ogr makes each table.
    struct Conversion: Sendable, CustomTestStringConvertible {
        var name: String
        var fileExtension: String
        var reprojected: Bool
        var arguments: @Sendable (_ csv: String, _ out: String, _ layer: String) -> [String]
        var testDescription: String { name }

        /// Point layers in `format` and `crs` (the geometry holds the positions, no lon/lat
        /// fields).
        static func points(_ name: String, _ format: String, _ fileExtension: String, crs: Int = 4326, options: [String] = []) -> Conversion {
            Conversion(name: name, fileExtension: fileExtension, reprojected: crs != 4326) { csv, out, layer in
                ["-f", format, out, csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO",
                 "-s_srs", "EPSG:4326", "-t_srs", "EPSG:\(crs)", "-nln", layer] + options
            }
        }

        /// A workbook whose sheet holds the CSV's columns as text (no geometry).
        static func sheet(_ name: String, _ format: String, _ fileExtension: String) -> Conversion {
            Conversion(name: name, fileExtension: fileExtension, reprojected: false) { csv, out, layer in
                ["-f", format, out, csv, "-nln", layer]
            }
        }
    }

    static let conversions: [Conversion] = [
        .points("GeoPackage", "GPKG", "gpkg"),
        .points("Shapefile", "ESRI Shapefile", "shp", options: ["-lco", "ENCODING=UTF-8"]),
        .sheet("XLSX", "XLSX", "xlsx"),
        .sheet("ODS", "ODS", "ods"),
        .points("MapInfo TAB", "MapInfo File", "tab"),
        // Without its spatial index: with one, FlatGeobuf stores the features in Hilbert-curve
        // order, and the report lists the same rows in that order.
        .points("FlatGeobuf", "FlatGeobuf", "fgb", options: ["-lco", "SPATIAL_INDEX=NO"]),
        .points("GeoPackage in EPSG:3857", "GPKG", "gpkg", crs: 3857),
        .points("GeoPackage in EPSG:3405 (VN-2000 / UTM 48N)", "GPKG", "gpkg", crs: 3405),
    ]

    /// Runs `phusong report` on the inputs into `folder/out`.
    static func report(villages: String, cells: String, out: String) throws {
        let result = try CLI.run(["report", "--villages", villages, "--cells", cells, "--admin", provinces, "--threads", "2", "--out", out])
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    @Test("a converted subset gives the CSV's report", arguments: conversions)
    func roundTrip(_ conversion: Conversion) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("csv-report").path
        try Self.report(villages: Self.subset + "/villages.csv", cells: Self.subset + "/cells.csv", out: reference)
        var converted: [String] = []
        for table in ["villages", "cells"] {
            let path = folder.appendingPathComponent("\(table).\(conversion.fileExtension)").path
            try GDALTools.convert(conversion.arguments(Self.subset + "/\(table).csv", path, table))
            converted.append(path)
        }
        let out = folder.appendingPathComponent("converted-report").path
        try Self.report(villages: converted[0], cells: converted[1], out: out)
        try ReportComparison.expectSame(reference, out, reprojected: conversion.reprojected)
    }
}

/// Compares two report folders as `FormatRoundTripTests` says.
enum ReportComparison {
    static func expectSame(_ reference: String, _ other: String, reprojected: Bool) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: reference).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: other).sorted() == files)
        for file in files where file.hasSuffix(".csv") {
            let expected = try Data(contentsOf: URL(fileURLWithPath: reference + "/" + file))
            let read = try Data(contentsOf: URL(fileURLWithPath: other + "/" + file))
            if reprojected {
                try expectClose(String(decoding: expected, as: UTF8.self), String(decoding: read, as: UTF8.self), file: file)
            } else {
                #expect(expected == read, "\(file) differs")
            }
        }
        let summaries = try [reference, other].map { folder in
            var summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as? [String: Any])
            #expect(summary.removeValue(forKey: "inputs") != nil)
            return summary
        }
        if reprojected {
            #expect(jsonClose(summaries[0], summaries[1]), "summary.json differs beyond the tolerances")
        } else {
            #expect(NSDictionary(dictionary: summaries[0]).isEqual(to: summaries[1]), "summary.json differs")
            let pages = try [reference, other].map { try withoutInputs(String(contentsOfFile: $0 + "/report.html", encoding: .utf8)) }
            #expect(pages[0] == pages[1], "report.html differs outside its Inputs section")
        }
    }

    /// The page without its Inputs section (the input files' paths and SHA-256).
    static func withoutInputs(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<section id=\"inputs\">"))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        return String(page[..<start.lowerBound]) + String(page[end.upperBound...])
    }

    /// The tolerance for a column after reprojection; nil when the text must be equal.
    static func tolerance(_ column: String) -> (absolute: Double, relative: Double)? {
        if column.contains("rsrp") { return (0.01, 0) }
        if column == "lon" || column == "lat" { return (1e-6, 0) }
        if column.hasSuffix("_m") { return (0.5, 0) }
        return (0, 1e-6)
    }

    /// Two CSV texts equal field by field: text, whole numbers and empty fields exactly, real
    /// numbers within `tolerance`. (The report's CSVs quote no field holding a comma in these
    /// data, checked by the equal field counts.)
    static func expectClose(_ expected: String, _ read: String, file: String) throws {
        let expectedRows = expected.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let readRows = read.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        try #require(expectedRows.count == readRows.count, "\(file): \(expectedRows.count) rows, read \(readRows.count)")
        let header = expectedRows[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        for (number, (row, other)) in zip(expectedRows, readRows).enumerated() {
            try #require(row.count == other.count, "\(file) row \(number): field counts differ")
            for (index, (a, b)) in zip(row, other).enumerated() where a != b {
                let isReal = a.contains(".") || a.contains("e") || b.contains(".") || b.contains("e")
                guard isReal, let x = Double(a), let y = Double(b), let allowed = tolerance(header[index]) else {
                    Issue.record("\(file) row \(number) \(header[index]): \(a) ≠ \(b)")
                    continue
                }
                #expect(abs(x - y) <= max(allowed.absolute, allowed.relative * max(abs(x), abs(y))),
                        "\(file) row \(number) \(header[index]): \(a) vs \(b)")
            }
        }
    }

    /// Two JSON values equal, whole numbers exactly, real numbers within a relative 1e-6
    /// (absolute 1e-6 near zero).
    static func jsonClose(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { key in y[key].map { jsonClose(x[key] as Any, $0) } ?? false }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy(jsonClose)
        case let (x as NSNumber, y as NSNumber):
            if x == y { return true }
            let (u, v) = (x.doubleValue, y.doubleValue)
            return u.rounded() != u || v.rounded() != v ? abs(u - v) <= 1e-6 * max(1, abs(u), abs(v)) : false
        default:
            return (a as? NSObject)?.isEqual(b) ?? false
        }
    }
}
