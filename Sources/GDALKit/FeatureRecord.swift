import CGDAL

/// The feature being read by ``VectorLayer/forEachFeature(geometry:transform:_:)``: its
/// values are read from GDAL's feature on demand, text without copying.
///
/// Valid only during the call that hands it out (GDAL frees the feature afterwards): do not
/// keep it or the buffers it lends. Not `Sendable`.
public struct FeatureRecord {
    /// GDAL's feature, owned by the reading loop.
    let handle: OGRFeatureH
    /// The layer read (its fields and its text recoding).
    let layer: VectorLayer
    /// The feature id, or nil when the source has none.
    public let fid: Int64?
    /// The geometry, in the form asked for, transformed when a transformation was given.
    public let geometry: FeatureGeometry

    /// Whether field `index` holds no value (unset or NULL).
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: True for no value.
    public func isNull(_ index: Int) -> Bool { OGR_F_IsFieldSetAndNotNull(handle, Int32(index)) == 0 }

    /// Field `index` as a whole number (GDAL's conversion for other types).
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: The value, 0 for no value.
    public func integer(_ index: Int) -> Int64 { OGR_F_GetFieldAsInteger64(handle, Int32(index)) }

    /// Field `index` as a floating-point number (GDAL's conversion for other types).
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: The value, 0 for no value.
    public func real(_ index: Int) -> Double { OGR_F_GetFieldAsDouble(handle, Int32(index)) }

    /// Calls `body` with the bytes of field `index` as text (GDAL's text form for other
    /// types), without copying them when they need no recoding: UTF-8 as the driver gives
    /// it, not checked (the caller checks it, as for a CSV field). Text of a layer recoded
    /// by GDALKit (``VectorLayer/recodeText(from:)``) is recoded first; nil when it is not
    /// valid in its encoding.
    /// - Parameters:
    ///   - index: The field's position in ``VectorLayer/fields``.
    ///   - body: Receives the bytes, valid only during the call.
    /// - Returns: What `body` returns.
    public func withTextBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard let text = OGR_F_GetFieldAsString(handle, Int32(index)) else { return body(nil) }
        if let recoder = layer.recoder {
            guard var recoded = recoder.utf8(text) else { return body(nil) }
            return recoded.withUTF8 { body($0) }
        }
        return text.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(text)))
        }
    }

    /// Field `index` as a value, typed by the layer's field definition.
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: The value; nil for text that is not valid UTF-8 (or not valid in the
    ///   layer's recoded encoding).
    public func value(_ index: Int) -> FieldValue? {
        if isNull(index) { return .null }
        switch layer.fields[index].type {
        case .integer: return .integer(integer(index))
        case .real: return .real(real(index))
        case .string, .other:
            return withTextBytes(index) { bytes in
                bytes.flatMap { String(validating: $0, as: UTF8.self) }.map(FieldValue.text)
            }
        }
    }
}
