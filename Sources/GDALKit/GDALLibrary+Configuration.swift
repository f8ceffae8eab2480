import CGDAL

extension GDALLibrary {
    /// Runs `body` with GDAL configuration options set for the calling thread only
    /// (`CPLSetThreadLocalConfigOption`), restoring the earlier values afterwards: e.g.
    /// `["OGR_XLSX_HEADERS": "FORCE"]` so that a sheet's first row is read as its header.
    ///
    /// `body` is synchronous, so every GDAL call it makes (opening, and the lazy reading some
    /// drivers do later) runs on this thread and sees the options; other threads never do.
    /// - Parameters:
    ///   - options: Option names and values (GDAL's documentation of each driver lists them).
    ///   - body: The work that needs the options.
    /// - Returns: What `body` returns.
    public static func withThreadConfiguration<T, E: Error>(
        _ options: [String: String], _ body: () throws(E) -> T
    ) throws(E) -> T {
        ensureRegistered()
        let earlier = options.keys.map { key in (key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }) }
        for (key, value) in options { CPLSetThreadLocalConfigOption(key, value) }
        defer { for (key, value) in earlier { CPLSetThreadLocalConfigOption(key, value) } }
        return try body()
    }
}
