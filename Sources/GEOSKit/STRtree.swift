import CGEOS

/// A read-only spatial index (GEOS STRtree) over items numbered `0..<count`.
///
/// Build it in one go from envelopes or geometries; queries return the indices of the items
/// whose envelopes intersect a box, in ascending order. Not `Sendable`: GEOS 3.11 builds the
/// tree lazily on its first query (there is no `GEOSSTRtree_build_r`), so the initializer
/// forces the build with a dummy query, and the tree must stay in the task that made it.
///
/// The GEOS tree does not own its items; this class keeps the item geometries alive (for an
/// envelope-built tree it keeps one rectangle geometry per envelope) until it is destroyed.
/// Items are stored in GEOS as `index + 1` (a 0 item pointer would be NULL).
public final class STRtree {
    /// The context the tree was built with; used for its queries.
    public let context: GEOSContext
    private let tree: OpaquePointer
    /// Items in index order, kept alive for the tree (which only borrows them).
    private let items: [Geometry]
    /// `items[i].handle`, cached for the nearest-neighbour distance callback.
    private let itemHandles: [OpaquePointer]

    /// Number of items (valid indices are `0..<count`).
    public var count: Int { items.count }

    /// Indexes the given boxes (coordinate units); item `i` is `envelopes[i]`. Empty
    /// envelopes are kept as indices but never returned by queries.
    /// - Parameters:
    ///   - envelopes: the items' boxes, in item order.
    ///   - context: the context of the task that uses the tree.
    ///   - nodeCapacity: maximum children per tree node (GEOS default 10).
    public convenience init(envelopes: [Envelope], context: GEOSContext, nodeCapacity: Int = 10) throws(GEOSError) {
        var boxes: [Geometry] = []
        boxes.reserveCapacity(envelopes.count)
        for envelope in envelopes {
            if envelope.isEmpty {
                boxes.append(try context.makeGeometry("GEOSGeom_createEmptyPoint_r") {
                    GEOSGeom_createEmptyPoint_r($0)
                })
            } else {
                boxes.append(try context.rectangle(envelope))
            }
        }
        try self.init(items: boxes, context: context, nodeCapacity: nodeCapacity)
    }

    /// Indexes the envelopes of `geometries`; item `i` is `geometries[i]` (kept alive by the
    /// tree, not copied). Empty geometries are never returned by queries.
    /// - Parameters:
    ///   - geometries: the items, in item order, made by `context`.
    ///   - context: the context of the task that uses the tree.
    ///   - nodeCapacity: maximum children per tree node (GEOS default 10).
    public convenience init(geometries: [Geometry], context: GEOSContext, nodeCapacity: Int = 10) throws(GEOSError) {
        try self.init(items: geometries, context: context, nodeCapacity: nodeCapacity)
    }

    private init(items: [Geometry], context: GEOSContext, nodeCapacity: Int) throws(GEOSError) {
        guard nodeCapacity >= 2 else {
            throw GEOSError(operation: "STRtree", message: "node capacity must be at least 2, got \(nodeCapacity)")
        }
        context.sink.lastError = nil
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
            throw context.failure("GEOSSTRtree_create_r")
        }
        self.context = context
        self.tree = tree
        self.items = items
        self.itemHandles = items.map(\.handle)
        for (index, item) in itemHandles.enumerated() {
            GEOSSTRtree_insert_r(context.handle, tree, item, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
        if let error = context.sink.lastError {
            throw GEOSError(operation: "GEOSSTRtree_insert_r", message: error)
        }
        // Force GEOS 3.11's lazy build now, so later queries only read the tree.
        _ = try query(Envelope(x: 0, y: 0))
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indices (ascending) of the items whose envelopes intersect `envelope` (touching
    /// counts). Only envelopes are compared; test the actual geometries afterwards if needed.
    public func query(_ envelope: Envelope) throws(GEOSError) -> [Int] {
        var results: [Int] = []
        try query(envelope, into: &results)
        return results
    }

    /// Like ``query(_:)`` but reuses `results` (cleared first) to avoid an allocation per query.
    public func query(_ envelope: Envelope, into results: inout [Int]) throws(GEOSError) {
        results.removeAll(keepingCapacity: true)
        guard !envelope.isEmpty else { return }
        context.sink.lastError = nil
        guard let box = GEOSGeom_createRectangle_r(
            context.handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        else { throw context.failure("GEOSGeom_createRectangle_r") }
        defer { GEOSGeom_destroy_r(context.handle, box) }
        withUnsafeMutablePointer(to: &results) { resultsPointer in
            GEOSSTRtree_query_r(context.handle, tree, box, { item, userdata in
                guard let userdata else { return }
                let results = userdata.assumingMemoryBound(to: [Int].self)
                results.pointee.append(Int(bitPattern: item) - 1)
            }, resultsPointer)
        }
        if let error = context.sink.lastError {
            throw GEOSError(operation: "GEOSSTRtree_query_r", message: error)
        }
        results.sort()
    }

    /// Indices (ascending) of the items whose envelopes intersect the envelope of `geometry`.
    public func query(intersecting geometry: Geometry) throws(GEOSError) -> [Int] {
        guard let envelope = try geometry.envelope else { return [] }
        return try query(envelope)
    }

    /// The index of the item nearest to `(x, y)` by true planar distance to the item's
    /// geometry (for an envelope-built tree: distance to the box, 0 inside it), in coordinate
    /// units; `nil` for an empty tree. Among equally near items any one may be returned.
    public func nearest(x: Double, y: Double) throws(GEOSError) -> Int? {
        let query = try context.point(x: x, y: y)
        return try nearest(to: query)
    }

    /// The index of the item nearest to `geometry` (see ``nearest(x:y:)``); `nil` for an
    /// empty tree or an empty query geometry.
    public func nearest(to geometry: Geometry) throws(GEOSError) -> Int? {
        guard !items.isEmpty, try !geometry.isEmpty else { return nil }
        context.sink.lastError = nil
        var state = NearestSearch(context: context.handle, query: geometry.handle)
        let found: UnsafeRawPointer? = itemHandles.withUnsafeBufferPointer { handles in
            state.items = handles
            return withUnsafeMutablePointer(to: &state) { statePointer in
                GEOSSTRtree_nearest_generic_r(
                    context.handle, tree, NearestSearch.queryItem, geometry.handle,
                    { first, second, distance, userdata in
                        guard let userdata, let distance else { return 0 }
                        let state = userdata.assumingMemoryBound(to: NearestSearch.self)
                        guard let a = state.pointee.geometry(for: first),
                              let b = state.pointee.geometry(for: second)
                        else { return 0 }
                        // GEOS expects nonzero on success.
                        return GEOSDistance_r(state.pointee.context, a, b, distance)
                    },
                    statePointer)
            }
        }
        guard let found else {
            if context.sink.lastError != nil { throw context.failure("GEOSSTRtree_nearest_generic_r") }
            return nil
        }
        return Int(bitPattern: found) - 1
    }
}

/// State for the nearest-neighbour distance callback (passed as userdata).
private struct NearestSearch {
    /// Item pointer standing for the query itself (never a valid `index + 1`).
    static var queryItem: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: -1) }

    let context: OpaquePointer
    let query: OpaquePointer
    var items: UnsafeBufferPointer<OpaquePointer> = UnsafeBufferPointer(start: nil, count: 0)

    /// The geometry behind an item pointer: the query, or tree item `pointer - 1`.
    func geometry(for item: UnsafeRawPointer?) -> OpaquePointer? {
        if item == Self.queryItem { return query }
        let index = Int(bitPattern: item) - 1
        guard index >= 0, index < items.count else { return nil }
        return items[index]
    }
}
