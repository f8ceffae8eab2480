import Foundation
@testable import PhusongReports

/// Five villages in two provinces with every column kind, nulls, and names that need
/// escaping in every format: a comma (CSV), `&`, `<`, `>` (XML), a `"` (CSV, JSON, XML), an
/// apostrophe and a line break.
enum FeatureFixtures {
    static let columns = [
        FeatureColumn("village_id", .text), FeatureColumn("name", .text), FeatureColumn("province_name", .text),
        FeatureColumn("population", .integer), FeatureColumn("grid_power", .boolean),
        FeatureColumn("best_rsrp_dbm", .real), FeatureColumn("note", .text),
    ]

    static let villages = PointFeatureTable(
        layerName: "dead_zones",
        columns: columns,
        rows: [
            PointFeature(lon: 103.1234564, lat: 21.2345678, values: [
                .text("DB-001"), .text("Bản Mường Lói"), .text("Điện Biên"), .integer(412), .boolean(false), .real(-118.4), .null,
            ]),
            PointFeature(lon: 102.98765449, lat: 22.1, values: [
                .text("DB-002"), .text("Thôn Nà Hỳ"), .text("Điện Biên"), .integer(230), .boolean(true), .null, .text("xa trạm, đường đất"),
            ]),
            PointFeature(lon: 105.8342, lat: 21.0358, values: [
                .text("HN-001"), .text("Tổ dân phố 2, Ba Đình"), .text("Hà Nội"), .integer(1530), .boolean(true), .real(-95.25), .null,
            ]),
            PointFeature(lon: 102.5, lat: 21.9, values: [
                .text("DB-003"), .text("Bản Huổi Lếch & Nậm Pồ <mới>"), .text("Điện Biên"), .integer(98), .boolean(false), .null,
                .text("Đường sạt lở & ngập, xe không vào được;\nphải đi bộ 'Ba' giờ"),
            ]),
            PointFeature(lon: 105.9, lat: 21.1, values: [
                .text("HN-002"), .text("Xóm \"Cầu Gỗ\""), .text("Hà Nội"), .null, .boolean(false), .real(-101), .null,
            ]),
        ],
        presentation: FeaturePresentation(
            nameColumn: "name", folderColumn: "province_name",
            descriptionColumns: [
                ("village_id", "Mã thôn"), ("population", "Dân số"), ("best_rsrp_dbm", "RSRP tốt nhất (dBm)"), ("note", "Ghi chú"),
            ]))

    /// The names in table order.
    static let names = ["Bản Mường Lói", "Thôn Nà Hỳ", "Tổ dân phố 2, Ba Đình", "Bản Huổi Lếch & Nậm Pồ <mới>", "Xóm \"Cầu Gỗ\""]

    /// The positions rounded to 6 decimals, as the text formats write them.
    static let roundedPositions: [[Double]] = [
        [103.123456, 21.234568], [102.987654, 22.1], [105.8342, 21.0358], [102.5, 21.9], [105.9, 21.1],
    ]

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-features-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
