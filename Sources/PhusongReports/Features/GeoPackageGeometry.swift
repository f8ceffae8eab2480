/// GeoPackage binary geometry encoding (OGC 12-128r18, GeoPackage 1.3, §2.1.3): a header
/// followed by a Well-Known Binary geometry (ISO 13249-3 / OGC 06-103r4 §8.2).
enum GeoPackageGeometry {
    /// A point as a 29-byte blob:
    /// - header: magic `GP`, version 0, flags `0x01` (standard binary type, not empty, no
    ///   envelope — none is needed for a point — little-endian), `srsID` as little-endian int32;
    /// - WKB Point: byte order 1 (little-endian), type 1 as uint32, then x = `lon`, y = `lat`
    ///   as little-endian IEEE 754 doubles.
    static func point(lon: Double, lat: Double, srsID: Int32) -> [UInt8] {
        var bytes: [UInt8] = [0x47, 0x50, 0x00, 0x01]
        appendLittleEndian(UInt32(bitPattern: srsID), to: &bytes)
        bytes.append(0x01)
        appendLittleEndian(UInt32(1), to: &bytes)
        appendLittleEndian(lon.bitPattern, to: &bytes)
        appendLittleEndian(lat.bitPattern, to: &bytes)
        return bytes
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
