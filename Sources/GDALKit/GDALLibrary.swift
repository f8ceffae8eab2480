import CGDAL

/// Process-wide facts about the GDAL library in use, and its one-time driver registration.
public enum GDALLibrary {
    /// Registers every GDAL and OGR driver once per process (`GDALAllRegister`); a Swift
    /// `static let` initialiser runs exactly once even when first reached from several
    /// threads at once.
    private static let registration: Void = GDALAllRegister()

    /// Makes sure the drivers are registered; every GDALKit entry point calls it first.
    static func ensureRegistered() { registration }

    /// The version of the GDAL library in use, e.g. `"3.6.2"`.
    public static var version: String {
        guard let text = GDALVersionInfo("RELEASE_NAME") else { return "unknown" }
        return String(cString: text)
    }

    /// The version of PROJ that GDAL uses for coordinate operations, e.g. `"9.1.1"`.
    public static var projVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        OSRGetPROJVersion(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    /// The short names of the registered vector drivers (e.g. `"GPKG"`, `"ESRI Shapefile"`),
    /// in GDAL's registration order.
    public static var vectorDriverNames: [String] {
        ensureRegistered()
        var names: [String] = []
        for index in 0..<GDALGetDriverCount() {
            guard let driver = GDALGetDriver(index),
                  GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nil) != nil,
                  let name = GDALGetDriverShortName(driver) else { continue }
            names.append(String(cString: name))
        }
        return names
    }
}
