/// The values of one feature being read, in place: a ``FeatureRecord`` (feature by feature)
/// or a ``FeatureBatch/Row`` (a batch of columns). Code that turns features into something
/// else is written once, generic over this protocol, and reads either way.
///
/// Valid only during the call that hands it out; do not keep it or the buffers it lends.
public protocol FeatureFields {
    /// The feature id, or nil when the source has none.
    var fid: Int64? { get }
    /// The geometry, in the form the reading asked for.
    var geometry: FeatureGeometry { get }
    /// Whether field `index` holds no value (unset or NULL).
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: True for no value.
    func isNull(_ index: Int) -> Bool
    /// Field `index` of an ``FieldType/integer`` field.
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: The value, 0 for no value.
    func integer(_ index: Int) -> Int64
    /// Field `index` of a ``FieldType/real`` field.
    /// - Parameter index: The field's position in ``VectorLayer/fields``.
    /// - Returns: The value, 0 for no value.
    func real(_ index: Int) -> Double
    /// Calls `body` with the bytes of text field `index`, lent without copying when they need
    /// no recoding: UTF-8 as the driver gives it, not checked (the caller checks it).
    /// - Parameters:
    ///   - index: The field's position in ``VectorLayer/fields``.
    ///   - body: Receives the bytes, valid only during the call; nil when they cannot be read
    ///     as text (not valid in the layer's recoded encoding).
    /// - Returns: What `body` returns.
    func withTextBytes<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T
}

extension FeatureRecord: FeatureFields {}
