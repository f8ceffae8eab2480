import CGDAL

extension CStringList {
    /// As ``withList(_:_:)``, for the GDAL functions that declare their option list as
    /// `char **` (`CSLConstList` in GDAL 3.6's creation functions) although they only read it.
    static func withMutableList<T, E: Error>(
        _ strings: [String], _ body: (CSLConstList?) throws(E) -> T
    ) throws(E) -> T {
        try withList(strings) { (list: UnsafePointer<UnsafePointer<CChar>?>?) throws(E) -> T in
            try body(list.map {
                UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
            })
        }
    }
}
