import PhusongSupport

/// `trend.html`: the headline indicators over the months against their targets — one small
/// chart per indicator (inline SVG, the target as a dashed line), the national table by month
/// with each indicator's pace and target month, and a sortable province table with the latest
/// value and target month of each indicator. Self-contained like report.html, in the
/// language asked for; the method of the projection is stated on the page (`TrendProjection`).
///
/// Hooks for headless checks: `#trend-table` has one `<tr data-indicator="…">` per indicator,
/// `#trend-province-table` one `<tr data-code="…">` per province; each row's target-month
/// cell carries `data-month` (YYYY-MM, or empty).
public enum TrendHTML {
    /// The page's bytes.
    /// - Parameters:
    ///   - table: the trend.
    ///   - language: the page's language.
    ///   - toolVersion: the version written into the page.
    public static func bytes(_ table: TrendTable, language: ReportLanguage, toolVersion: String) throws -> [UInt8] {
        let text = language.text
        guard let first = table.months.first, let last = table.months.last, let national = table.areas.first else {
            throw TrendError.noReports
        }
        let span = text(.trendSpan, text.integer(table.months.count), text.month(first), text.month(last))
        let monthHeads = table.months.map { "<th scope=\"col\" class=\"num\">\(HTMLText.escaped(text.month($0)))</th>" }.joined()
        let nationalHeader = "<th scope=\"col\">\(HTMLText.escaped(text(.colIndicator)))</th>" + monthHeads
            + [text(.colTarget), text(.colPace), text(.colTargetMonth)].map { "<th scope=\"col\" class=\"num\">\(HTMLText.escaped($0))</th>" }.joined()
        let nationalRows = TrendIndicator.allCases.map { indicator in
            let values = (national.values[indicator] ?? []).map { "<td class=\"num\">\(format($0, indicator, text))</td>" }.joined()
            return "<tr data-indicator=\"\(indicator.rawValue)\"><th scope=\"row\">\(HTMLText.escaped(name(indicator, text)))</th>" + values
                + "<td class=\"num\">\(format(indicator.target(table.targets), indicator, text))</td>"
                + "<td class=\"num\">\(pace(national.projections[indicator], indicator, text))</td>"
                + targetCell(national.projections[indicator], text) + "</tr>"
        }.joined(separator: "\n")
        let provinceHeader = (["<th scope=\"col\" data-sort=\"text\"><button type=\"button\">\(HTMLText.escaped(text(.colCode)))</button></th>",
                               "<th scope=\"col\" data-sort=\"text\"><button type=\"button\">\(HTMLText.escaped(text(.colProvince)))</button></th>"]
            + TrendIndicator.allCases.flatMap { indicator in
                ["<th scope=\"col\" data-sort=\"num\" class=\"num\"><button type=\"button\">\(HTMLText.escaped(name(indicator, text)))</button></th>",
                 "<th scope=\"col\" data-sort=\"text\" class=\"num\"><button type=\"button\">\(HTMLText.escaped(text(.colTargetMonth)))</button></th>"]
            }).joined()
        let provinceRows = table.areas.dropFirst().map { area in
            let cells = TrendIndicator.allCases.map { indicator in
                let latest = area.values[indicator]?.last ?? nil
                return "<td class=\"num\" data-v=\"\(latest.map { NumberText.real($0) } ?? "")\">\(format(latest, indicator, text))</td>"
                    + targetCell(area.projections[indicator], text)
            }.joined()
            return "<tr data-code=\"\(HTMLText.escaped(area.code))\"><td data-v=\"\(HTMLText.escaped(area.code))\">\(HTMLText.escaped(area.code))</td>"
                + "<th scope=\"row\" data-v=\"\(HTMLText.escaped(area.name))\">\(HTMLText.escaped(area.name))</th>" + cells + "</tr>"
        }.joined(separator: "\n")
        let charts = TrendIndicator.allCases.map { indicator in
            TrendChart.svg(months: table.months, values: national.values[indicator] ?? [], target: indicator.target(table.targets),
                               title: name(indicator, text), label: { format($0, indicator, text) }, text: text)
        }.joined(separator: "\n")
        let sources = zip(table.months, table.folders).map { month, folder in
            "<dt>\(HTMLText.escaped(text.month(month)))</dt><dd><code class=\"path\">\(HTMLText.escaped(folder))</code></dd>"
        }.joined()
        let page = try HTMLResources.trendPage.filled([
            "head": HTMLResources.head(language: language, version: toolVersion, title: text(.trendTitle)),
            "style": HTMLResources.style,
            "printHeader": CSSText.string(text(.trendHeading) + " · " + span),
            "span": HTMLText.escaped(span),
            "charts": charts,
            "nationalHeader": nationalHeader,
            "nationalRows": nationalRows,
            "provinceHeader": provinceHeader,
            "provinceRows": provinceRows,
            "sources": sources,
            "data": try HTMLText.scriptJSON(["text": HTMLScriptText(text)]),
            "tablesScript": HTMLResources.tablesScript,
        ], phrases: text.phrases)
        return Array(page.utf8)
    }

    /// No report to show.
    public enum TrendError: Error, CustomStringConvertible, Sendable {
        /// The trend has no month.
        case noReports
        /// What went wrong.
        public var description: String { "trend: no report given" }
    }

    static func name(_ indicator: TrendIndicator, _ text: ReportText) -> String {
        switch indicator {
        case .populationCoverage5G: text(.indPopulation5G)
        case .ratio5G4GStations: text(.indRatio)
        case .villagesDeadZone: text(.indDeadZones)
        case .shareVillagesConnected: text(.indConnected)
        }
    }

    /// A value as people read it: shares as percentages, the ratio with 3 decimals, counts whole.
    static func format(_ value: Double?, _ indicator: TrendIndicator, _ text: ReportText) -> String {
        guard let value else { return "—" }
        switch indicator {
        case .populationCoverage5G, .shareVillagesConnected: return text.percent(value)
        case .ratio5G4GStations: return text.decimal(value, decimals: 3)
        case .villagesDeadZone: return text.decimal(value, decimals: 0)
        }
    }

    private static func pace(_ projection: TrendProjection?, _ indicator: TrendIndicator, _ text: ReportText) -> String {
        guard let pace = projection?.pacePerMonth else { return "—" }
        let sign = pace > 0 ? "+" : ""
        switch indicator {
        case .populationCoverage5G, .shareVillagesConnected:
            return HTMLText.escaped(text(.pointsPerMonth, sign + text.decimal(100 * pace, decimals: 2)))
        case .ratio5G4GStations: return sign + text.decimal(pace, decimals: 4)
        case .villagesDeadZone: return sign + text.decimal(pace, decimals: 1)
        }
    }

    private static func targetCell(_ projection: TrendProjection?, _ text: ReportText) -> String {
        let month = projection?.month?.description ?? ""
        let shown: String
        switch projection?.status {
        case .met?: shown = text(.statusMet, projection?.month.map(text.month) ?? "")
        case .onPace?: shown = projection?.month.map(text.month) ?? ""
        case .notOnPace?: shown = text(.statusNotOnPace)
        case .insufficientData?, nil: shown = text(.statusInsufficient)
        }
        return "<td class=\"num\" data-month=\"\(month)\" data-v=\"\(month)\" data-status=\"\(projection?.status.rawValue ?? "")\">\(HTMLText.escaped(shown))</td>"
    }
}
