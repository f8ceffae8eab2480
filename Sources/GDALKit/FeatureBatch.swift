/// A batch of features read by ``VectorLayer/forEachBatch(fields:geometry:_:)``: GDAL's Arrow
/// record batch, read in place column by column.
///
/// Valid only during the call that hands it out (GDAL releases the batch afterwards): do not
/// keep it, its rows or the buffers they lend. Not `Sendable`.
public struct FeatureBatch {
    /// The number of features in the batch.
    public let count: Int
    /// The feature ids.
    let fids: ArrowColumn?
    /// The column of each field of the layer, by its position in ``VectorLayer/fields``; nil
    /// for a field that was not asked for.
    let columns: [ArrowColumn?]
    /// The geometries as well-known binary, nil when they were not asked for.
    let geometries: ArrowColumn?
    /// What to read of the geometry.
    let geometryReading: GeometryReading

    /// Feature `index` of the batch.
    /// - Parameter index: 0 ..< ``count``.
    /// - Returns: The feature's values, read in place.
    public func row(_ index: Int) -> Row { Row(batch: self, index: index) }

    /// One feature of a ``FeatureBatch``, with the values of the fields asked for.
    public struct Row: FeatureFields {
        let batch: FeatureBatch
        let index: Int

        /// The feature id, or nil when the source has none.
        public var fid: Int64? { batch.fids.map { $0.integer(index) } }

        /// The geometry as asked for: a point's coordinates, ``FeatureGeometry/none`` for no
        /// geometry or an empty one, the type of another geometry; its WKB for ``GeometryReading/wkb``.
        public var geometry: FeatureGeometry {
            guard batch.geometryReading != .none, let column = batch.geometries, !column.isNull(index) else { return .none }
            let wkb = column.bytes(index)
            if batch.geometryReading == .wkb { return wkb.isEmpty ? .none : .wkb(Array(wkb)) }
            return WKBPoint.read(wkb)
        }

        /// Whether field `index` holds no value; true for a field that was not asked for.
        /// - Parameter field: The field's position in ``VectorLayer/fields``.
        /// - Returns: True for no value.
        public func isNull(_ field: Int) -> Bool { batch.columns[field]?.isNull(index) ?? true }

        /// Field `field` as a whole number.
        /// - Parameter field: The field's position in ``VectorLayer/fields``.
        /// - Returns: The value, 0 for no value.
        public func integer(_ field: Int) -> Int64 { batch.columns[field]?.integer(index) ?? 0 }

        /// Field `field` as a floating-point number.
        /// - Parameter field: The field's position in ``VectorLayer/fields``.
        /// - Returns: The value, 0 for no value.
        public func real(_ field: Int) -> Double { batch.columns[field]?.real(index) ?? 0 }

        /// Calls `body` with the bytes of text field `field` as GDAL gives them (UTF-8, not
        /// checked), without copying.
        /// - Parameters:
        ///   - field: The field's position in ``VectorLayer/fields``.
        ///   - body: Receives the bytes, valid only during the call; nil for a field that was
        ///     not asked for.
        /// - Returns: What `body` returns.
        public func withTextBytes<T>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
            body(batch.columns[field]?.bytes(index))
        }
    }
}

/// Reads a point from well-known binary (OGC Simple Features, ISO and the older extended
/// flags for Z and M), as GDAL's Arrow batches carry geometries.
enum WKBPoint {
    /// The point `wkb` holds (x, y; a Z or M value dropped); ``FeatureGeometry/none`` for
    /// empty bytes or an empty point (coordinates NaN, as GDAL writes `POINT EMPTY`); the type
    /// of any other geometry.
    static func read(_ wkb: UnsafeBufferPointer<UInt8>) -> FeatureGeometry {
        guard wkb.count >= 5, let base = wkb.baseAddress else { return .none }
        let little = wkb[0] == 1
        let raw = UnsafeRawPointer(base)
        func word(_ offset: Int) -> UInt32 {
            let value = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            return little ? UInt32(littleEndian: value) : UInt32(bigEndian: value)
        }
        func number(_ offset: Int) -> Double {
            let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return Double(bitPattern: little ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
        }
        // ISO codes add 1000 for Z, 2000 for M, 3000 for ZM; the extended ones set high bits.
        let code = Int((word(1) & 0x0FFF_FFFF) % 1000)
        guard code == 1 else { return .notPoint(GeometryType(wkbCode: code)) }
        guard wkb.count >= 21 else { return .none }
        let x = number(5), y = number(13)
        return x.isNaN && y.isNaN ? .none : .point(x: x, y: y)
    }
}

extension GeometryType {
    /// The type of a flattened well-known binary geometry code (1 point … 7 collection).
    init(wkbCode: Int) {
        switch wkbCode {
        case 1: self = .point
        case 2: self = .lineString
        case 3: self = .polygon
        case 4: self = .multiPoint
        case 5: self = .multiLineString
        case 6: self = .multiPolygon
        case 7: self = .geometryCollection
        default: self = .other
        }
    }
}
