import CGDAL

extension VectorLayer {
    /// Reads every remaining feature (those the attribute filter keeps) in batches of columns,
    /// through GDAL's Arrow C stream (`OGR_L_GetArrowStream`, RFC 86, GDAL ≥ 3.6): each batch
    /// is handed to `body`, valid only during the call.
    ///
    /// The fast way through a large layer where the driver has its own Arrow reader: GDAL
    /// 3.6's GeoPackage driver fills a batch of the national villages (106,445 points, nine
    /// text fields) in half the CPU time of `OGR_L_GetNextFeature` and one call per value.
    /// Batches give the same values as ``forEachFeature(geometry:transform:_:)`` for the
    /// fields they can carry exactly: text (``FieldType/string``), 32- and 64-bit whole
    /// numbers, 64-bit reals. When a field asked for has another type (a date, a 16-bit or
    /// boolean subtype, which Arrow narrows), the layer's text is recoded by GDALKit
    /// (``recodeText(from:)``), or the driver gives no stream, nothing is read and the method
    /// returns false: read the layer feature by feature instead.
    /// - Parameters:
    ///   - wanted: The positions in ``fields`` of the fields to read; the rows of a batch
    ///     give these only.
    ///   - geometry: What to read of the first geometry field (``GeometryReading/point``:
    ///     points' coordinates; the coordinates are the layer's, not transformed).
    ///   - body: Receives each batch in the layer's order.
    /// - Returns: True when the features were read; false when the batches cannot carry
    ///   every asked-for field exactly, and nothing was read.
    /// - Throws: ``GDALError`` when the driver fails while reading.
    public func forEachBatch(
        fields wanted: [Int], geometry: GeometryReading, _ body: (FeatureBatch) -> Void
    ) throws(GDALError) -> Bool {
        guard recoder == nil, wanted.allSatisfy(fields.indices.contains) else { return false }
        let fidName = fidColumn.isEmpty ? "OGC_FID" : fidColumn
        return try messages.capturing { () throws(GDALError) -> Bool in
            var stream = ArrowArrayStream()
            let opened = CStringList.withMutableList(["MAX_FEATURES_IN_BATCH=\(Self.featuresPerBatch)"]) { options in
                OGR_L_GetArrowStream(handle, &stream, options)
            }
            guard opened, let release = stream.release else { return false }
            defer { release(&stream) }
            var schema = ArrowSchema()
            guard stream.get_schema?(&stream, &schema) == 0 else { throw streamFailure(&stream) }
            let plan = BatchPlan(schema: schema, fields: fields, wanted: wanted, fidName: fidName, geometry: geometry)
            schema.release?(&schema)
            guard let plan else { return false }
            while true {
                var array = ArrowArray()
                guard stream.get_next?(&stream, &array) == 0 else { throw streamFailure(&stream) }
                guard let releaseArray = array.release else { break }  // the end of the stream
                defer { releaseArray(&array) }
                body(plan.batch(array, geometry: geometry))
            }
            return true
        }
    }

    /// Features per batch. GDAL's default, 65,536, makes each batch of a large layer megabytes
    /// of new memory, which the kernel maps page by page and glibc returns after the batch;
    /// batches of 4,096 reuse their memory (the national villages' GeoPackage: 2,800 fewer page
    /// faults for the same instructions, docs/benchmarks.md) and stay in the cache while the
    /// caller reads them.
    static let featuresPerBatch = 4096

    /// The error of a failed stream call: the stream's own message, else GDAL's handler's.
    private func streamFailure(_ stream: inout ArrowArrayStream) -> GDALError {
        if let text = stream.get_last_error?(&stream) {
            return GDALError(operation: "OGR_L_GetArrowStream", message: String(cString: text))
        }
        return messages.failure("OGR_L_GetArrowStream")
    }
}

/// Where the fields asked for sit in a layer's Arrow batches, and their layouts: worked out
/// once from the stream's schema (a struct whose children are the FID, the fields by name,
/// then the geometry fields as WKB).
private struct BatchPlan {
    /// Child index and layout of the FID column.
    let fid: (child: Int, layout: ArrowColumn.Layout)?
    /// Per layer field: child index and layout, nil when not asked for.
    let columns: [(child: Int, layout: ArrowColumn.Layout)?]
    /// Child index and layout of the first geometry field.
    let geometry: (child: Int, layout: ArrowColumn.Layout)?

    /// Nil when a field asked for is missing or has a layout that would not carry its values
    /// exactly, or the geometry asked for is missing.
    init?(schema: ArrowSchema, fields: [FieldDefinition], wanted: [Int], fidName: String, geometry reading: GeometryReading) {
        var children: [(name: String, format: String)] = []
        for index in 0..<Int(schema.n_children) {
            guard let child = schema.children?[index]?.pointee, let format = child.format else { return nil }
            children.append((child.name.map { String(cString: $0) } ?? "", String(cString: format)))
        }
        var columns: [(child: Int, layout: ArrowColumn.Layout)?] = Array(repeating: nil, count: fields.count)
        for field in wanted {
            guard let child = children.firstIndex(where: { $0.name == fields[field].name }),
                  let layout = ArrowColumn.Layout(format: children[child].format),
                  Self.carries(fields[field].type, exactly: children[child].format) else { return nil }
            columns[field] = (child, layout)
        }
        self.columns = columns
        fid = children.firstIndex { $0.name == fidName && $0.format == "l" }.map { ($0, .int64) }
        let names = Set(fields.map(\.name) + [fidName])
        let geometryChild = children.indices.first { !names.contains(children[$0].name) && ["z", "Z"].contains(children[$0].format) }
        if reading != .none, geometryChild == nil { return nil }
        geometry = geometryChild.flatMap { child in ArrowColumn.Layout(format: children[child].format).map { (child, $0) } }
    }

    /// Whether Arrow `format` holds every value of a field of `type` unchanged.
    private static func carries(_ type: FieldType, exactly format: String) -> Bool {
        switch type {
        case .string: return format == "u" || format == "U"
        case .integer: return format == "i" || format == "l"
        case .real: return format == "g"
        case .other: return false
        }
    }

    /// The batch `array` (a struct array), read through this plan.
    func batch(_ array: ArrowArray, geometry reading: GeometryReading) -> FeatureBatch {
        let offset = Int(array.offset)
        func column(_ entry: (child: Int, layout: ArrowColumn.Layout)?) -> ArrowColumn? {
            guard let entry, entry.child < Int(array.n_children), let child = array.children?[entry.child]?.pointee else { return nil }
            return ArrowColumn(child, layout: entry.layout, batchOffset: offset)
        }
        return FeatureBatch(count: Int(array.length), fids: column(fid), columns: columns.map(column),
                            geometries: column(geometry), geometryReading: reading)
    }
}
