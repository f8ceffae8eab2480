import PhusongSupport

/// One indicator over the months as a small inline SVG: the values as a line with dots, the
/// target as a dashed line, the first and last month below.
enum TrendChart {
    static let width = 240.0, height = 120.0, left = 6.0, right = 6.0, top = 10.0, bottom = 18.0

    static func svg(
        months: [ReportMonth], values: [Double?], target: Double, title: String, label: (Double) -> String, text: ReportText
    ) -> String {
        let known = zip(months, values).compactMap { month, value in value.map { (x: Double(month.index), y: $0) } }
        let ys = known.map(\.y) + [target]
        let low = ys.min() ?? 0, high = ys.max() ?? 1
        let span = high > low ? high - low : max(abs(high), 1)
        let minY = low - 0.08 * span, maxY = high + 0.08 * span
        let firstX = Double(months.first?.index ?? 0), lastX = Double(months.last?.index ?? 0)
        func x(_ value: Double) -> Double {
            lastX > firstX ? left + (value - firstX) / (lastX - firstX) * (width - left - right) : width / 2
        }
        func y(_ value: Double) -> Double { top + (maxY - value) / (maxY - minY) * (height - top - bottom) }
        func number(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
        let points = known.map { "\(number(x($0.x))),\(number(y($0.y)))" }
        let dots = known.map { "<circle class=\"dot\" cx=\"\(number(x($0.x)))\" cy=\"\(number(y($0.y)))\" r=\"3\"><title>\(HTMLText.escaped(label($0.y)))</title></circle>" }
        let targetY = number(y(target))
        let aria = text(.trendChartAria, title, label(target))
        let firstLabel = months.first.map(text.month) ?? "", lastLabel = months.last.map(text.month) ?? ""
        return "<figure class=\"trend-chart\"><h3>\(HTMLText.escaped(title))</h3>"
            + "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(aria))\">"
            + "<line class=\"target\" x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(targetY)\" y2=\"\(targetY)\"></line>"
            + "<text x=\"\(number(width - right))\" y=\"\(number(max(top, y(target) - 3)))\" text-anchor=\"end\">\(HTMLText.escaped(label(target)))</text>"
            + (points.count > 1 ? "<polyline class=\"line\" points=\"\(points.joined(separator: " "))\"></polyline>" : "")
            + dots.joined()
            + "<text x=\"\(number(left))\" y=\"\(number(height - 4))\">\(HTMLText.escaped(firstLabel))</text>"
            + "<text x=\"\(number(width - right))\" y=\"\(number(height - 4))\" text-anchor=\"end\">\(HTMLText.escaped(lastLabel))</text>"
            + "</svg></figure>"
    }
}
