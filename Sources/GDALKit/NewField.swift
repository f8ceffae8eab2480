import CGDAL

/// The type of a field a ``VectorWriter`` creates.
public enum NewFieldType: Sendable, Hashable {
    /// Text of any length (`OFTString`; a GeoPackage `TEXT` column).
    case text
    /// A 64-bit whole number (`OFTInteger64`; a GeoPackage `INTEGER` column).
    case integer
    /// A double-precision number (`OFTReal`; a GeoPackage `REAL` column).
    case real
    /// True or false, stored as 0 or 1 (`OFTInteger` with subtype `OFSTBoolean`; a
    /// GeoPackage `BOOLEAN` column).
    case boolean
}

/// A field (attribute column) to create in a new layer.
public struct NewField: Sendable, Hashable {
    /// The column's name, used as given (drivers are asked not to launder it).
    public var name: String
    /// The column's type.
    public var type: NewFieldType

    /// Creates a field description.
    /// - Parameters:
    ///   - name: The column's name.
    ///   - type: The column's type.
    public init(_ name: String, _ type: NewFieldType) {
        self.name = name
        self.type = type
    }

    /// OGR's field type and subtype for ``type``.
    var ogrType: (type: OGRFieldType, subtype: OGRFieldSubType) {
        switch type {
        case .text: (OFTString, OFSTNone)
        case .integer: (OFTInteger64, OFSTNone)
        case .real: (OFTReal, OFSTNone)
        case .boolean: (OFTInteger, OFSTBoolean)
        }
    }
}
