import CGDAL

/// GDAL's option lists (`const char *const *`, NULL-terminated `KEY=VALUE` strings) made
/// from Swift strings for the duration of one call.
enum CStringList {
    /// Calls `body` with a NULL-terminated list of C strings copied from `strings` (a NULL
    /// pointer for an empty list, which GDAL reads as "no options"); the copies are freed
    /// after `body` returns.
    static func withList<T, E: Error>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws(E) -> T
    ) throws(E) -> T {
        guard !strings.isEmpty else { return try body(nil) }
        let copies = strings.map { CPLStrdup($0) }
        defer { for copy in copies { VSIFree(copy) } }
        var list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        list.append(nil)
        return try list.withUnsafeBufferPointer { buffer throws(E) -> T in
            try body(buffer.baseAddress)
        }
    }
}
