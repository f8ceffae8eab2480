/// A k-d tree over points on the unit sphere (earth-centred unit vectors), for the coverage
/// searches: each node holds the axis-aligned box of its points, and a search walks the tree
/// depth first, the nearer child first, asking before each node whether anything at the box's
/// distance can still matter. The box gives a lower bound on the chord to every point inside
/// (clamp the query to the box), hence on the great-circle distance (``UnitVectors``), so a
/// search that stops where its bound says nothing can matter is exact.
///
/// Why a tree and not a grid of squares: a grid's rings cover a square of whole squares
/// around the village, so a search in a dense city reads every cell within a square's width
/// (1.1 km) even when only the nearest 300 m can hold the best server, and a search for a
/// sparse technology far into the countryside reads thousands of empty squares. The tree's
/// boxes shrink with the density of the points, and empty space holds no node.
///
/// Built by median splits along the box's widest axis down to leaves of 8 to ``leafSize``
/// points; the points are stored in leaf order (`entries`), so arrays kept in that order
/// (unit vectors, per-cell bounds) are read sequentially. At most n / 4 nodes of 64 bytes
/// (about n / 6 in practice): under 4 MB for the national scenario's 341,154 cells. Written
/// by hand: no package here offers a spatial tree with caller-driven, bound-based pruning.
struct CellTree: Sendable {
    /// Most points in a leaf.
    static let leafSize = 16

    struct Node: Sendable {
        var lower: SIMD3<Double>
        var upper: SIMD3<Double>
        /// `entries[start ..< end]` are the node's points.
        var start: Int32
        var end: Int32
        /// Index of the first child in `nodes` (the second follows it); -1 for a leaf.
        var firstChild: Int32
    }

    let nodes: [Node]
    /// The ids of the points, in leaf order.
    let entries: [Int32]
    /// The points' unit vectors, in leaf order.
    let vectors: UnitVectors

    /// - Parameters:
    ///   - vectors: unit vectors of a larger set of points (e.g. all cells, in cell order).
    ///   - ids: which of them the tree holds (indices into `vectors`).
    init(vectors all: UnitVectors, ids: [Int32]) {
        // The points with their ids, moved together by the splits.
        var points = ids.map { Point(all.vector(Int($0)), id: $0) }
        var nodes: [Node] = []
        nodes.reserveCapacity(max(1, 2 * ids.count / Self.leafSize + 2))
        if !ids.isEmpty {
            nodes.append(Node(lower: .zero, upper: .zero, start: 0, end: Int32(ids.count), firstChild: -1))
            var pending = [0]
            points.withUnsafeMutableBufferPointer { points in
                while let index = pending.popLast() {
                    let (start, end) = (Int(nodes[index].start), Int(nodes[index].end))
                    var lower = SIMD3<Double>(repeating: .infinity)
                    var upper = SIMD3<Double>(repeating: -.infinity)
                    for point in points[start..<end] {
                        let vector = point.vector
                        lower = pointwiseMin(lower, vector)
                        upper = pointwiseMax(upper, vector)
                    }
                    nodes[index].lower = lower
                    nodes[index].upper = upper
                    guard end - start > Self.leafSize else { continue }
                    let extent = upper - lower
                    let axis = extent.x >= extent.y ? (extent.x >= extent.z ? 0 : 2) : (extent.y >= extent.z ? 1 : 2)
                    let middle = (start + end) / 2
                    Self.select(middle, in: points, from: start, to: end, axis: axis)
                    nodes[index].firstChild = Int32(nodes.count)
                    nodes.append(Node(lower: .zero, upper: .zero, start: Int32(start), end: Int32(middle), firstChild: -1))
                    nodes.append(Node(lower: .zero, upper: .zero, start: Int32(middle), end: Int32(end), firstChild: -1))
                    pending.append(nodes.count - 2)
                    pending.append(nodes.count - 1)
                }
            }
        }
        self.nodes = nodes
        entries = points.map(\.id)
        vectors = UnitVectors(all, at: entries)
    }

    /// A point and its id: 32 bytes (a `SIMD3<Double>` alone takes 32), so the selection
    /// moves less memory.
    private struct Point {
        let x: Double
        let y: Double
        let z: Double
        let id: Int32

        init(_ vector: SIMD3<Double>, id: Int32) {
            (x, y, z) = (vector.x, vector.y, vector.z)
            self.id = id
        }

        var vector: SIMD3<Double> { SIMD3(x, y, z) }

        @inline(__always)
        func coordinate(_ axis: Int) -> Double {
            axis == 0 ? x : (axis == 1 ? y : z)
        }
    }

    /// Reorders `points[from ..< to]` so that the point at `k` is the one a sort by coordinate
    /// `axis` would put there, with none greater before it and none smaller after (Hoare's
    /// selection, expected linear time).
    private static func select(_ k: Int, in points: UnsafeMutableBufferPointer<Point>, from: Int, to: Int, axis: Int) {
        var (low, high) = (from, to - 1)
        while low < high {
            let pivot = points[(low + high) / 2].coordinate(axis)
            var (i, j) = (low, high)
            while i <= j {
                while points[i].coordinate(axis) < pivot { i += 1 }
                while points[j].coordinate(axis) > pivot { j -= 1 }
                if i <= j {
                    points.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Walks the tree from the root for the query point `v` (a unit vector): before each node,
    /// `proceed` gets a lower bound, metres, on the great-circle distance from `v` to every
    /// point of the node, and the node's index in `nodes`, and decides whether to look inside;
    /// `visit` then gets the position in `entries` of each point of a leaf looked into.
    /// Children are taken nearer first, so that the searches' bounds tighten early.
    @inline(__always)
    func search(_ v: SIMD3<Double>, proceed: (_ lowerBoundM: Double, _ node: Int) -> Bool, visit: (Int) -> Void) {
        guard !nodes.isEmpty else { return }
        // Depth first with an explicit stack: at most one pending sibling per level, and the
        // median splits keep the depth near log2(n / 16) (under 30 for 2³⁰ points).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { stack in
            var top = 0
            stack[0] = 0
            top = 1
            while top > 0 {
                top -= 1
                let index = Int(stack[top])
                let node = nodes[index]
                guard proceed(UnitVectors.distanceLowerBoundM(chordSquared: Self.squaredGap(v, node)), index) else { continue }
                if node.firstChild < 0 {
                    for position in Int(node.start)..<Int(node.end) { visit(position) }
                    continue
                }
                guard top + 2 <= stack.count else {
                    // Deeper than any balanced tree gets: look at every point (still exact).
                    for position in Int(node.start)..<Int(node.end) { visit(position) }
                    continue
                }
                let first = node.firstChild
                let firstGap = Self.squaredGap(v, nodes[Int(first)])
                let secondGap = Self.squaredGap(v, nodes[Int(first) + 1])
                // Pushed last, taken first: the nearer child.
                stack[top] = firstGap <= secondGap ? first + 1 : first
                stack[top + 1] = firstGap <= secondGap ? first : first + 1
                top += 2
            }
        }
    }

    @inline(__always)
    private static func squaredGap(_ v: SIMD3<Double>, _ node: Node) -> Double {
        let gap = v - pointwiseMin(pointwiseMax(v, node.lower), node.upper)
        return (gap * gap).sum()
    }
}
