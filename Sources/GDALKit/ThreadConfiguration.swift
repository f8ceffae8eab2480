import CGDAL

/// GDAL configuration options set for the calling thread only, for the duration of one
/// synchronous piece of work.
///
/// GDAL reads many settings from configuration options (`CPLGetConfigOption`), which look at
/// the calling thread's own options first (`CPLSetThreadLocalConfigOption`), then the
/// process-wide ones. Setting them per thread keeps two tasks writing at once from seeing
/// each other's settings (e.g. `OGR_CURRENT_DATE`, the timestamp a GeoPackage records).
enum ThreadConfiguration {
    /// Runs `body` with `options` (name, value) set on the calling thread, then restores each
    /// option's previous thread-local value. `body` is synchronous, so it runs on the thread
    /// that set the options.
    static func with<T, E: Error>(_ options: [(name: String, value: String)], _ body: () throws(E) -> T) throws(E) -> T {
        let previous = options.map { option in
            CPLGetThreadLocalConfigOption(option.name, nil).map { String(cString: $0) }
        }
        for option in options { CPLSetThreadLocalConfigOption(option.name, option.value) }
        defer {
            for (option, value) in zip(options, previous) { CPLSetThreadLocalConfigOption(option.name, value) }
        }
        return try body()
    }
}
