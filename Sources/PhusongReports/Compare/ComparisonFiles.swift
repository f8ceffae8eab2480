import PhusongSupport

/// The files of `compare --out`: indicator deltas, changed villages and changed sites as CSV
/// (the conventions of every phusong CSV, `CSVWriter`), the same three tables as the sheets
/// `indicators`, `villages` and `sites` of `compare.xlsx` (for Excel), and one
/// self-contained HTML page with all three.
public enum ComparisonFiles {
    /// The comparison's files, in the order they are listed.
    public static let fileNames = [
        "compare_indicators.csv", "compare_villages.csv", "compare_sites.csv", "compare.xlsx", "compare.html",
    ]

    /// Every file with its bytes, in the order of `fileNames`.
    public static func files(_ comparison: ReportComparison) throws -> [(name: String, bytes: [UInt8])] {
        let tables = [indicatorTable(comparison), villageTable(comparison), siteTable(comparison)]
        let workbook = try XLSXWorkbook.bytes(zip(["indicators", "villages", "sites"], tables).map { $1.sheet(named: $0) })
        return Array(zip(fileNames, tables.map(\.csvBytes) + [workbook, try html(comparison)]))
    }

    /// `compare_indicators.csv`.
    public static func indicatorsCSV(_ comparison: ReportComparison) -> [UInt8] {
        indicatorTable(comparison).csvBytes
    }

    /// `compare_villages.csv`.
    public static func villagesCSV(_ comparison: ReportComparison) -> [UInt8] {
        villageTable(comparison).csvBytes
    }

    /// `compare_sites.csv`.
    public static func sitesCSV(_ comparison: ReportComparison) -> [UInt8] {
        siteTable(comparison).csvBytes
    }

    /// The rows of `indicatorsCSV(_:)`: national deltas, then each province's.
    static func indicatorTable(_ comparison: ReportComparison) -> RecordTable {
        var table = RecordTable(header: ["scope", "code", "name", "indicator", "before", "after", "change"])
        for delta in comparison.national {
            table.records.append(["national", "", "", .text(delta.name), .number(NumberText.real(delta.before)), .number(NumberText.real(delta.after)), .number(NumberText.real(delta.change))])
        }
        for province in comparison.provinces {
            for delta in province.deltas {
                table.records.append(["province", .text(province.code), .text(province.name), .text(delta.name),
                                      .number(NumberText.real(delta.before)), .number(NumberText.real(delta.after)), .number(NumberText.real(delta.change))])
            }
        }
        return table
    }

    /// The rows of `villagesCSV(_:)`: the villages whose coverage changed.
    static func villageTable(_ comparison: ReportComparison) -> RecordTable {
        var table = RecordTable(header: ["village_id", "name", "province_code", "commune_code", "population", "change", "covered_4g_after", "covered_5g_after"])
        for village in comparison.villages {
            let state = village.state
            table.records.append([.text(village.id), .text(state.name), .text(state.provinceCode), .text(state.communeCode), .integer(state.population),
                                  .text(village.change.rawValue), .flag(state.covered4G), .flag(state.covered5G)])
        }
        return table
    }

    /// The rows of `sitesCSV(_:)`: the sites added, removed or changed.
    static func siteTable(_ comparison: ReportComparison) -> RecordTable {
        var table = RecordTable(header: ["site_id", "operator", "change", "has_4g", "has_5g", "province_code", "lon", "lat"])
        for site in comparison.sites {
            let state = site.state
            table.records.append([.text(site.id), .text(state.operatorName), .text(site.change.rawValue), .flag(state.has4G), .flag(state.has5G),
                                  .text(state.provinceCode), .number(state.lon, decimals: 6), .number(state.lat, decimals: 6)])
        }
        return table
    }

    /// A self-contained page (no external resources) with the deltas and the changed villages and sites;
    /// its frame is Sources/PhusongReports/Resources/compare.html (`HTMLResources`). The changed
    /// villages and sites, up to hundreds of thousands of rows, are packed data
    /// (`ComparisonHTMLData`) that the page draws a page of rows at a time, so that the page
    /// stays small and quick to open (issue 19: ≤ 3 MB, usable within 1.5 s).
    public static func html(_ comparison: ReportComparison) throws -> [UInt8] {
        func value(_ delta: ReportComparison.IndicatorDelta, _ number: Double) -> String {
            delta.isShare ? NumberText.percent(number, spaced: true) : (delta.name.contains("/") ? NumberText.fixed(number, decimals: 3) : NumberText.shortest(number))
        }
        func change(_ delta: ReportComparison.IndicatorDelta) -> String {
            let sign = delta.change > 0 ? "+" : ""
            return delta.isShare ? sign + NumberText.fixed(100 * delta.change, decimals: 2) + " pts"
                : sign + (delta.name.contains("/") ? NumberText.fixed(delta.change, decimals: 3) : NumberText.shortest(delta.change))
        }
        var rows = ""
        for delta in comparison.national {
            let css = delta.change == 0 ? "" : " class=\"changed\""
            rows += "<tr\(css)><td>\(HTMLText.escaped(delta.name))</td><td>\(value(delta, delta.before))</td><td>\(value(delta, delta.after))</td><td>\(change(delta))</td></tr>\n"
        }
        let page = try HTMLResources.comparePage.filled([
            "before": HTMLText.escaped(comparison.before.folder),
            "after": HTMLText.escaped(comparison.after.folder),
            "indicatorRows": rows,
            "villageCount": String(comparison.villages.count),
            "siteCount": String(comparison.sites.count),
            "data": HTMLPackedJSON.packed(ComparisonHTMLData(comparison)),
            "pagedScript": HTMLResources.pagedTableScript,
            "compareScript": HTMLResources.compareScript,
        ])
        return Array(page.utf8)
    }
}

/// The packed data of compare.html (`HTMLPackedJSON`): `v`, the changed villages as
/// `[id, name, province code, population, change]`, and `s`, the changed sites as
/// `[id, operator, change, province code]`, in the order of the CSV files.
struct ComparisonHTMLData: Encodable {
    var v: [[HTMLCell]]
    var s: [[HTMLCell]]

    init(_ comparison: ReportComparison) {
        v = comparison.villages.map { village in
            [.text(village.id), .text(village.state.name), .text(village.state.provinceCode), .integer(village.state.population), .text(village.change.rawValue)]
        }
        s = comparison.sites.map { site in
            [.text(site.id), .text(site.state.operatorName), .text(site.change.rawValue), .text(site.state.provinceCode)]
        }
    }

    /// A cell of a packed row: text or a whole number.
    enum HTMLCell: Encodable {
        case text(String)
        case integer(Int)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .integer(let value): try container.encode(value)
            }
        }
    }
}
