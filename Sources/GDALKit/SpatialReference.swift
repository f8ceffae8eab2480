import CGDAL

/// A coordinate reference system (an OGR spatial reference, resolved by PROJ), always with
/// the traditional GIS axis order: longitude (or easting) first, latitude (or northing)
/// second, whatever the authority's own order (EPSG:4326 is latitude first by definition).
///
/// One owner per handle: the reference is released when this object goes away. Not
/// `Sendable`: keep it in the task that made it and pass ``wkt()`` or an EPSG code between
/// tasks.
public final class SpatialReference {
    /// The OGR handle, owned by this object.
    let handle: OGRSpatialReferenceH
    /// Messages of this reference's GDAL calls.
    let messages = GDALMessages()

    /// Takes ownership of `handle` and sets the traditional GIS axis order on it.
    init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// A copy of a reference owned by someone else (a layer), owned by the new object.
    convenience init?(copying borrowed: OGRSpatialReferenceH) {
        guard let copy = OSRClone(borrowed) else { return nil }
        self.init(owning: copy)
    }

    /// The reference of an EPSG code, e.g. 4326 (WGS 84), 3857 (Web Mercator) or 3405
    /// (VN-2000 / UTM zone 48N).
    /// - Parameter epsg: The EPSG code.
    /// - Throws: ``GDALError`` when PROJ's database does not know the code.
    public convenience init(epsg: Int) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        guard let code = Int32(exactly: epsg), let handle = OSRNewSpatialReference(nil) else {
            throw GDALError(operation: "OSRImportFromEPSG", message: "EPSG code \(epsg) is out of range")
        }
        self.init(owning: handle)
        let status = messages.capturing { OSRImportFromEPSG(handle, code) }
        guard status == OGRERR_NONE else {
            throw messages.failure("OSRImportFromEPSG", fallback: "EPSG:\(epsg) is not in PROJ's database")
        }
    }

    /// The reference described by WKT (WKT 1 as in a Shapefile's `.prj`, or WKT 2).
    /// - Parameter wkt: The definition text.
    /// - Throws: ``GDALError`` when GDAL cannot read the definition.
    public convenience init(wkt: String) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GDALError(operation: "OSRNewSpatialReference", message: "out of memory")
        }
        self.init(owning: handle)
        let status = messages.capturing { () -> OGRErr in
            // OSRImportFromWkt advances the pointer it is given: pass a copy of the start.
            let text = CPLStrdup(wkt)
            defer { VSIFree(text) }
            var cursor: UnsafeMutablePointer<CChar>? = text
            return OSRImportFromWkt(handle, &cursor)
        }
        guard status == OGRERR_NONE else {
            throw messages.failure("OSRImportFromWkt", fallback: "not a WKT coordinate reference system")
        }
    }

    /// WGS 84 longitude/latitude in degrees (EPSG:4326, longitude first).
    /// - Throws: ``GDALError`` when PROJ's database is missing.
    public static func wgs84() throws(GDALError) -> SpatialReference {
        try SpatialReference(epsg: 4326)
    }

    deinit { OSRRelease(handle) }

    /// The CRS's name, e.g. `"VN-2000 / UTM zone 48N"`.
    public var name: String {
        messages.capturing { OSRGetName(handle).map { String(cString: $0) } } ?? ""
    }

    /// The authority and code of the CRS itself, e.g. `("EPSG", "3405")`, or nil when the
    /// definition carries none (a `.prj` file usually carries no code: see
    /// ``identifiedAuthority``).
    public var authority: (name: String, code: String)? {
        messages.capturing {
            guard let name = OSRGetAuthorityName(handle, nil),
                  let code = OSRGetAuthorityCode(handle, nil) else { return nil }
            return (String(cString: name), String(cString: code))
        }
    }

    /// The authority and code PROJ identifies for this definition when it carries none
    /// (`OSRFindMatches`, taking a match only when PROJ is fully confident, confidence 100),
    /// else ``authority``.
    public var identifiedAuthority: (name: String, code: String)? {
        if let authority { return authority }
        return messages.capturing { () -> (name: String, code: String)? in
            var count: Int32 = 0
            var confidences: UnsafeMutablePointer<Int32>?
            guard let matches = OSRFindMatches(handle, nil, &count, &confidences) else { return nil }
            defer {
                OSRFreeSRSArray(matches)
                VSIFree(confidences)
            }
            guard count >= 1, let confidences, confidences[0] == 100, let best = matches[0],
                  let name = OSRGetAuthorityName(best, nil), let code = OSRGetAuthorityCode(best, nil)
            else { return nil }
            return (String(cString: name), String(cString: code))
        }
    }

    /// The definition as WKT 2 (2019), multi-line.
    /// - Throws: ``GDALError`` when the CRS cannot be expressed in WKT.
    public func wkt() throws(GDALError) -> String {
        let options = ["FORMAT=WKT2_2019", "MULTILINE=YES"]
        return try messages.capturing { () throws(GDALError) -> String in
            var text: UnsafeMutablePointer<CChar>?
            let status = CStringList.withList(options) { OSRExportToWktEx(handle, &text, $0) }
            defer { VSIFree(text) }
            guard status == OGRERR_NONE, let text else { throw messages.failure("OSRExportToWktEx") }
            return String(cString: text)
        }
    }

    /// Whether the CRS is geographic (angles: longitude and latitude).
    public var isGeographic: Bool { messages.capturing { OSRIsGeographic(handle) != 0 } }

    /// Whether the CRS is projected (a map projection: easting and northing, usually metres).
    public var isProjected: Bool { messages.capturing { OSRIsProjected(handle) != 0 } }

    /// Whether both references describe the same CRS, ignoring the axis order of the
    /// definitions (both are used in traditional GIS order) and the data axis mapping.
    /// - Parameter other: The reference to compare with.
    /// - Returns: True when GDAL finds the definitions equivalent.
    public func isSame(as other: SpatialReference) -> Bool {
        let options = ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS"]
        return messages.capturing {
            CStringList.withList(options) { OSRIsSameEx(handle, other.handle, $0) } != 0
        }
    }

    /// Whether the CRS is WGS 84 longitude/latitude in degrees (EPSG:4326 or an equivalent
    /// definition such as OGC:CRS84), so coordinates need no transformation.
    public var isWGS84LonLat: Bool {
        guard isGeographic, let wgs84 = try? SpatialReference.wgs84() else { return false }
        return isSame(as: wgs84)
    }

    /// A short label for messages: `"EPSG:3405 (VN-2000 / UTM zone 48N)"`, or the name alone.
    public var label: String {
        guard let code = identifiedAuthority else { return name }
        return "\(code.name):\(code.code) (\(name))"
    }
}
