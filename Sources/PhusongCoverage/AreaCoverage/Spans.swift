/// A closed interval of longitude on one scan line, degrees (`start` ≤ `end`).
struct Span: Sendable, Hashable {
    var start: Double
    var end: Double
}

/// The set algebra of one scan line (``AreaScan``): sets of longitude held as spans sorted by
/// start and disjoint. Every function appends to or reads such lists; none allocates beyond
/// the output's growth, so the scan's per-row work reuses a few buffers.
enum Spans {
    /// Appends the union of `sorted` (spans sorted by start, possibly overlapping) to `out` as
    /// disjoint spans: overlapping or touching spans are merged.
    static func appendUnion(ofSorted sorted: ArraySlice<Span>, to out: inout [Span]) {
        guard var current = sorted.first else { return }
        for span in sorted.dropFirst() {
            if span.start <= current.end {
                current.end = max(current.end, span.end)
            } else {
                out.append(current)
                current = span
            }
        }
        out.append(current)
    }

    /// Appends the union of `spans` (any order, possibly overlapping) to `out` as disjoint
    /// spans; `spans` is sorted in place.
    static func appendUnion(of spans: inout [Span], to out: inout [Span]) {
        spans.sort { $0.start < $1.start }
        appendUnion(ofSorted: spans[...], to: &out)
    }

    /// Appends the union of two disjoint sorted lists to `out` (disjoint, sorted).
    static func appendUnion(_ a: [Span], _ b: [Span], to out: inout [Span]) {
        var i = 0, j = 0
        var current: Span?
        while i < a.count || j < b.count {
            let next: Span
            if j == b.count || (i < a.count && a[i].start <= b[j].start) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if var open = current, next.start <= open.end {
                open.end = max(open.end, next.end)
                current = open
            } else {
                if let open = current { out.append(open) }
                current = next
            }
        }
        if let open = current { out.append(open) }
    }

    /// Appends `a` minus `b` (both disjoint and sorted) to `out`: the parts of `a`'s spans not
    /// in any span of `b` (closed spans minus closed spans, up to the zero-length endpoints,
    /// which carry no length).
    static func appendDifference(_ a: [Span], minus b: [Span], to out: inout [Span]) {
        var j = 0
        for span in a {
            var start = span.start
            while j < b.count && b[j].end <= start { j += 1 }
            var k = j
            while k < b.count && b[k].start < span.end {
                if b[k].start > start { out.append(Span(start: start, end: b[k].start)) }
                start = max(start, b[k].end)
                k += 1
            }
            if start < span.end { out.append(Span(start: start, end: span.end)) }
        }
    }

    /// Total length of disjoint spans, degrees.
    static func length(_ spans: [Span]) -> Double {
        var total = 0.0
        for span in spans { total += span.end - span.start }
        return total
    }

    /// Length of the intersection of two disjoint sorted lists, degrees.
    static func intersectionLength(_ a: [Span], _ b: ArraySlice<Span>) -> Double {
        var total = 0.0
        var i = 0, j = b.startIndex
        while i < a.count && j < b.endIndex {
            let start = max(a[i].start, b[j].start)
            let end = min(a[i].end, b[j].end)
            if end > start { total += end - start }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return total
    }
}
