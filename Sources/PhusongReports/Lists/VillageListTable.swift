import PhusongCoverage

/// Review lists as feature tables for every output format. Values for people: RSRP rounded
/// to 0.1 dB, distances to the metre (the unrounded values are in a report's villages.csv).
public enum VillageListTable {
    static let commonColumns: [FeatureColumn] = [
        FeatureColumn("village_id", .text), FeatureColumn("name", .text),
        FeatureColumn("province_code", .text), FeatureColumn("province_name", .text),
        FeatureColumn("commune_code", .text), FeatureColumn("commune_name", .text),
        FeatureColumn("population", .integer), FeatureColumn("households", .integer),
        FeatureColumn("grid_power", .boolean), FeatureColumn("area_type", .text),
        FeatureColumn("state", .text), FeatureColumn("reason", .text),
        FeatureColumn("best_rsrp_dbm", .real), FeatureColumn("best_cell", .text), FeatureColumn("best_technology", .text),
        FeatureColumn("nearest_site", .text), FeatureColumn("nearest_site_m", .integer),
    ]

    /// The dead-zone list (layer `dead_zones`).
    public static func deadZones(_ entries: [VillageListEntry]) -> PointFeatureTable {
        table(entries, layer: "dead_zones")
    }

    /// The unpowered-village list (layer `unpowered_villages`).
    public static func unpowered(_ entries: [VillageListEntry]) -> PointFeatureTable {
        table(entries, layer: "unpowered_villages")
    }

    private static func table(_ entries: [VillageListEntry], layer: String) -> PointFeatureTable {
        let rows = entries.map { entry -> PointFeature in
            let village = entry.village
            let text: (String?) -> FeatureValue = { $0.map(FeatureValue.text) ?? .null }
            // The distance converts safely: a great-circle distance is at most 20,016 km.
            let values: [FeatureValue] = [
                .text(village.id), .text(village.name), text(village.provinceCode), text(entry.provinceName),
                text(village.communeCode), text(entry.communeName), .integer(village.population),
                village.households.map(FeatureValue.integer) ?? .null, .boolean(village.gridPower),
                .text(village.areaType.rawValue), .text(entry.state.rawValue), .text(ListReason.joined(entry.reasons)),
                entry.bestSignal.map { .real(($0.rsrpDBm * 10).rounded() / 10) } ?? .null,
                text(entry.bestSignal?.cellID), text(entry.bestSignal?.technology.rawValue),
                text(entry.nearestSiteID), entry.nearestSiteDistanceM.map { .integer(Int($0.rounded())) } ?? .null,
            ]
            return PointFeature(lon: village.lon, lat: village.lat, values: values)
        }
        return PointFeatureTable(
            layerName: layer, columns: commonColumns, rows: rows,
            presentation: FeaturePresentation(
                nameColumn: "name", folderColumn: "province_code", folderNameColumn: "province_name",
                descriptionColumns: [
                    ("village_id", "Village id"), ("commune_name", "Commune"), ("population", "Population"),
                    ("households", "Households"), ("state", "Coverage"), ("reason", "Reason"),
                    ("best_rsrp_dbm", "Best RSRP (dBm)"), ("best_cell", "Best cell"),
                    ("nearest_site", "Nearest site"), ("nearest_site_m", "Distance to nearest site (m)"),
                ],
                styleColumn: "reason", styles: styles))
    }

    /// Google Earth's white icons, which a style's colour tints.
    static let poweredIcon = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
    static let unpoweredIcon = "http://maps.google.com/mapfiles/kml/shapes/triangle.png"

    /// One map style per value of the `reason` column: the colour says why a village is a dead
    /// zone (red: no site in range; orange: weak signal; green: covered, on the unpowered
    /// list only), the icon whether it has grid power (circle) or not (triangle).
    static let styles: [FeatureStyle] = [
        (ListReason.noSiteInRange, "no-site", "d7191c"), (.weakSignal, "weak-signal", "fd8d3c"),
    ].flatMap { reason, id, colour in
        [
            FeatureStyle(id: id, value: ListReason.joined([reason]), colourRGB: colour, icon: poweredIcon),
            FeatureStyle(id: id + "-unpowered", value: ListReason.joined([reason, .unpowered]), colourRGB: colour, icon: unpoweredIcon),
        ]
    } + [FeatureStyle(id: "covered-unpowered", value: ListReason.joined([.unpowered]), colourRGB: "1a9641", icon: unpoweredIcon)]
}
