import CGDAL

/// The type of an OGR attribute field, reduced to what GDALKit reads.
public enum FieldType: Sendable, Hashable {
    /// Text (`OFTString`).
    case string
    /// A whole number (`OFTInteger` or `OFTInteger64`); spreadsheet columns whose cells are
    /// all whole numbers are read as this when the driver detects types.
    case integer
    /// A floating-point number (`OFTReal`).
    case real
    /// Any other type (dates, times, lists, binary): read as GDAL's text form.
    case other
}

/// One attribute column of a layer.
public struct FieldDefinition: Sendable, Hashable {
    /// The column's name as the source spells it (a Shapefile's are cut to 10 bytes by the
    /// DBF format).
    public let name: String
    /// The column's type.
    public let type: FieldType
    /// The declared width in characters (DBF and some other formats), or 0 when unknown.
    public let width: Int

    /// Creates a definition.
    /// - Parameters:
    ///   - name: The column's name.
    ///   - type: The column's type.
    ///   - width: The declared width in characters, 0 when unknown.
    public init(name: String, type: FieldType, width: Int) {
        self.name = name
        self.type = type
        self.width = width
    }

    /// Reads a definition from OGR's field definition handle (borrowed from the layer).
    init(borrowing field: OGRFieldDefnH) {
        name = OGR_Fld_GetNameRef(field).map { String(cString: $0) } ?? ""
        width = Int(OGR_Fld_GetWidth(field))
        switch OGR_Fld_GetType(field) {
        case OFTString: type = .string
        case OFTInteger, OFTInteger64: type = .integer
        case OFTReal: type = .real
        default: type = .other
        }
    }
}
