/// What a polygon contributes to a row of ``AreaScan``.
///
/// For a polygon P and row j (band [a, b] of latitude, centre line φ_j), let S(φ) be P's
/// section at latitude φ (the longitudes inside P) and E_j the union of the longitude ranges
/// of P's edges clipped to the band. A longitude x outside E_j has a vertical segment
/// {x} × [a, b] that crosses no edge, so it is inside P along the whole band or outside along
/// the whole band. Hence, for every φ in [a, b]:
///     S(φ_j) \ E_j ⊆ S(φ) ⊆ S(φ_j) ∪ E_j.
/// `centre` is the estimate; `inner` and `outer` are the two certain bounds of that line.
enum ScanLayer: Sendable, Hashable {
    /// S(φ_j): the section on the row's centre line.
    case centre
    /// S(φ_j) \ E_j: longitudes inside P along the whole band.
    case inner
    /// S(φ_j) ∪ E_j: every longitude inside P somewhere in the band.
    case outer
}

/// A span of one row, labelled with what it belongs to (a technology and territory, or a
/// province).
struct RowSpan: Sendable, Hashable {
    var row: Int
    var label: Int
    var span: Span
}

/// Cuts polygons into the spans of the rows of a strip (``ScanLayer``), with reusable buffers.
///
/// A polygon is given by its closed rings of flat lon/lat pairs (degrees; last pair equal to
/// the first) and its interior is decided by the even–odd rule over all rings: exact for a
/// valid polygon or multipolygon (holes inside their shells, parts disjoint), and for a
/// footprint whose outline passes through its site more than once (petals touching at the
/// centre), which GEOS needed make-valid for. Edges are straight in (λ, φ), as GEOS treats
/// them, so the section at φ_j is exact: an edge from (x0, y0) to (x1, y1) crosses the line
/// φ_j when y0 ≤ φ_j < y1 (or the reverse), at x0 + (φ_j − y0)(x1 − x0)/(y1 − y0). The
/// half-open rule counts a vertex on the line once per pass, so every line crosses each ring
/// an even number of times.
struct PolygonSections {
    let rows: LatitudeRows
    let layer: ScanLayer
    /// Crossings with the centre lines, grouped by row: row r − strip.lowerBound holds
    /// `crossingX[crossingStart[r]..<crossingStart[r + 1]]`.
    private var crossingStart: [Int] = []
    private var crossingX: [Double] = []
    /// Edges that cross centre lines of the strip: their ends and rows, between the counting
    /// and the filling pass.
    private var crossingEdges: [(x0: Double, y0: Double, slope: Double, rows: Range<Int>)] = []
    private var edgeSpans: [RowSpan] = []
    private var section: [Span] = []
    private var edges: [Span] = []
    private var merged: [Span] = []
    private var result: [Span] = []

    init(rows: LatitudeRows, layer: ScanLayer) {
        self.rows = rows
        self.layer = layer
    }

    /// Appends the spans of the polygon `rings` in the rows of `strip`, labelled `label`, to
    /// `out`: per row, disjoint and sorted.
    mutating func append(rings: some Sequence<[Double]>, strip: Range<Int>, label: Int, to out: inout [RowSpan]) {
        gatherCrossings(rings: rings, strip: strip, label: label)
        if layer != .centre {
            appendBounds(strip: strip, label: label, to: &out)
            return
        }
        for row in strip {
            let offset = row - strip.lowerBound
            var index = crossingStart[offset]
            // Crossings pair up within a row (even count); a lone last one is a malformed ring.
            while index + 1 < crossingStart[offset + 1] {
                let start = crossingX[index], end = crossingX[index + 1]
                if end > start { out.append(RowSpan(row: row, label: label, span: Span(start: start, end: end))) }
                index += 2
            }
        }
    }

    /// Fills the crossings of `rings` with the centre lines of `strip`, grouped by row and
    /// sorted by longitude in each row (a counting sort by row: no comparison sort over the
    /// polygon), and for the bounds, the edges' spans per row.
    private mutating func gatherCrossings(rings: some Sequence<[Double]>, strip: Range<Int>, label: Int) {
        crossingEdges.removeAll(keepingCapacity: true)
        edgeSpans.removeAll(keepingCapacity: true)
        crossingStart.removeAll(keepingCapacity: true)
        crossingStart.append(contentsOf: repeatElement(0, count: strip.count + 1))
        let south = rows.southDeg(strip.lowerBound), north = rows.southDeg(strip.upperBound)
        for ring in rings {
            var index = 2
            while index + 1 < ring.count {
                let x0 = ring[index - 2], y0 = ring[index - 1], x1 = ring[index], y1 = ring[index + 1]
                index += 2
                let low = min(y0, y1), high = max(y0, y1)
                guard high >= south && low <= north else { continue }
                let slope = low < high ? (x1 - x0) / (y1 - y0) : 0
                if low < high {
                    let centred = rows.rowsCentred(from: low, below: high).clamped(to: strip)
                    if !centred.isEmpty {
                        crossingEdges.append((x0, y0, slope, centred))
                        for row in centred { crossingStart[row - strip.lowerBound + 1] += 1 }
                    }
                }
                guard layer != .centre else { continue }
                for row in rows.rowsMeeting(from: low, to: high).clamped(to: strip) {
                    let xa = low < high ? x0 + (max(low, rows.southDeg(row)) - y0) * slope : x0
                    let xb = low < high ? x0 + (min(high, rows.southDeg(row + 1)) - y0) * slope : x1
                    edgeSpans.append(RowSpan(row: row, label: label, span: Span(start: min(xa, xb), end: max(xa, xb))))
                }
            }
        }
        for offset in 0..<strip.count { crossingStart[offset + 1] += crossingStart[offset] }
        crossingX.removeAll(keepingCapacity: true)
        crossingX.append(contentsOf: repeatElement(0, count: crossingStart[strip.count]))
        var next = crossingStart
        for edge in crossingEdges {
            for row in edge.rows {
                let offset = row - strip.lowerBound
                crossingX[next[offset]] = edge.x0 + (rows.centreDeg(row) - edge.y0) * edge.slope
                next[offset] += 1
            }
        }
        // Rows hold few crossings (two for most footprint rows): insertion sort.
        for offset in 0..<strip.count {
            let range = crossingStart[offset]..<crossingStart[offset + 1]
            guard range.count > 1 else { continue }
            for position in (range.lowerBound + 1)..<range.upperBound {
                let x = crossingX[position]
                var hole = position
                while hole > range.lowerBound && crossingX[hole - 1] > x {
                    crossingX[hole] = crossingX[hole - 1]
                    hole -= 1
                }
                crossingX[hole] = x
            }
        }
    }

    /// The `inner` or `outer` spans of every row of `strip`, from the crossings and the edge
    /// spans gathered by `gatherCrossings`.
    private mutating func appendBounds(strip: Range<Int>, label: Int, to out: inout [RowSpan]) {
        edgeSpans.sort { $0.row != $1.row ? $0.row < $1.row : $0.span.start < $1.span.start }
        var e = 0
        for row in strip {
            section.removeAll(keepingCapacity: true)
            let offset = row - strip.lowerBound
            var c = crossingStart[offset]
            while c + 1 < crossingStart[offset + 1] {
                if crossingX[c + 1] > crossingX[c] { section.append(Span(start: crossingX[c], end: crossingX[c + 1])) }
                c += 2
            }
            edges.removeAll(keepingCapacity: true)
            while e < edgeSpans.count && edgeSpans[e].row == row {
                edges.append(edgeSpans[e].span)
                e += 1
            }
            guard !section.isEmpty || (!edges.isEmpty && layer == .outer) else { continue }
            merged.removeAll(keepingCapacity: true)
            Spans.appendUnion(ofSorted: edges[...], to: &merged)
            result.removeAll(keepingCapacity: true)
            if layer == .outer {
                Spans.appendUnion(section, merged, to: &result)
            } else {
                Spans.appendDifference(section, minus: merged, to: &result)
            }
            for span in result where span.end > span.start {
                out.append(RowSpan(row: row, label: label, span: span))
            }
        }
    }
}
