import PhusongCoverage
import PhusongSupport

/// The headline indicators of successive monthly reports, nationally and per province, with
/// the month each target is reached at the current pace (`TrendProjection`).
public struct TrendTable: Sendable {
    /// One area's indicators over the months.
    public struct Area: Sendable {
        /// "national" or "province".
        public var level: String
        /// The province code; empty for the nation.
        public var code: String
        /// The area's name (the latest report's).
        public var name: String
        /// Each indicator's value by month, in `months` order (nil: not in that report, or not defined).
        public var values: [TrendIndicator: [Double?]]
        /// Each indicator's projection.
        public var projections: [TrendIndicator: TrendProjection]
    }

    /// Two reports describe the same month.
    public struct SameMonth: Error, CustomStringConvertible, Sendable {
        /// The month.
        public var month: ReportMonth
        /// The two folders.
        public var folders: [String]
        /// What went wrong, naming the folders.
        public var description: String {
            "\(folders.joined(separator: " and ")) are both reports of \(month); give one report a month (report --month YYYY-MM)"
        }
    }

    /// The months, oldest first.
    public var months: [ReportMonth]
    /// The report folder of each month.
    public var folders: [String]
    /// The targets (the latest report's).
    public var targets: CoverageTargets
    /// The nation, then the provinces of any report in code order.
    public var areas: [Area]

    /// - Parameter reports: reports of different months, in any order.
    /// - Throws: `SameMonth` when two reports have the same month.
    public init(_ reports: [TrendReport]) throws(SameMonth) {
        let sorted = reports.sorted { $0.month < $1.month }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.month == later.month {
            throw SameMonth(month: later.month, folders: [earlier.folder, later.folder])
        }
        months = sorted.map(\.month)
        folders = sorted.map(\.folder)
        let targets = sorted.last?.targets ?? CoverageTargets()
        self.targets = targets
        var areas = [Self.area(level: "national", code: "", name: "", sorted.map { Optional($0.national) }, months: months, targets: targets)]
        let codes = Set(sorted.flatMap(\.provinces.keys)).sorted()
        for code in codes {
            let name = sorted.reversed().lazy.compactMap { $0.provinceNames[code] }.first ?? code
            areas.append(Self.area(level: "province", code: code, name: name, sorted.map { $0.provinces[code] }, months: months, targets: targets))
        }
        self.areas = areas
    }

    private static func area(
        level: String, code: String, name: String, _ indicators: [CoverageIndicators?], months: [ReportMonth], targets: CoverageTargets
    ) -> Area {
        var values: [TrendIndicator: [Double?]] = [:], projections: [TrendIndicator: TrendProjection] = [:]
        for indicator in TrendIndicator.allCases {
            let series = indicators.map { $0.flatMap(indicator.value) }
            values[indicator] = series
            let known = zip(months, series).compactMap { month, value in value.map { (month: month, value: $0) } }
            projections[indicator] = TrendProjection(known, indicator: indicator, target: indicator.target(targets))
        }
        return Area(level: level, code: code, name: name, values: values, projections: projections)
    }
}
