/// The spans of a strip's rows grouped by (row, label), each group sorted by start: a
/// counting sort on the key, then a sort by start within each group. Spans are appended
/// polygon by polygon in order of the polygons' western edges, so each group arrives nearly
/// sorted, which Swift's (adaptive, merge-based) sort handles in about linear time.
struct RowBuckets {
    let strip: Range<Int>
    let labels: Int
    /// The spans, grouped.
    private(set) var spans: [Span]
    /// Start of each group in `spans`, by key (row − strip.lowerBound) · labels + label; one
    /// extra entry at the end.
    private var offsets: [Int]

    init(_ rowSpans: [RowSpan], strip: Range<Int>, labels: Int) {
        self.strip = strip
        self.labels = labels
        let keys = strip.count * labels
        var offsets = [Int](repeating: 0, count: keys + 1)
        for item in rowSpans { offsets[(item.row - strip.lowerBound) * labels + item.label + 1] += 1 }
        for key in 0..<keys { offsets[key + 1] += offsets[key] }
        var next = offsets
        var spans = [Span](repeating: Span(start: 0, end: 0), count: rowSpans.count)
        for item in rowSpans {
            let key = (item.row - strip.lowerBound) * labels + item.label
            spans[next[key]] = item.span
            next[key] += 1
        }
        for key in 0..<keys where offsets[key + 1] - offsets[key] > 1 {
            spans[offsets[key]..<offsets[key + 1]].sort { $0.start < $1.start }
        }
        self.spans = spans
        self.offsets = offsets
    }

    /// The spans of `label` in `row` (sorted by start, possibly overlapping).
    func group(row: Int, label: Int) -> ArraySlice<Span> {
        let key = (row - strip.lowerBound) * labels + label
        return spans[offsets[key]..<offsets[key + 1]]
    }
}
