/// A failure reported by GDAL through its error handler, or a misuse GDALKit detects before
/// calling GDAL.
///
/// GDALKit installs its own error handler around every GDAL call (`CPLPushErrorHandlerEx`),
/// so nothing GDAL says reaches standard error; the message of the failing call travels here.
public struct GDALError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The GDAL function or GDALKit operation that failed, e.g. `"GDALOpenEx"`.
    public let operation: String
    /// What went wrong in GDAL's words (e.g. `"No such file or directory"`), or GDALKit's own
    /// when GDAL gave none.
    public let message: String
    /// GDAL's error class (`CPLErrorNum`: 4 `CPLE_OpenFailed`, 6 `CPLE_NotSupported`, …);
    /// nil when GDAL reported none.
    public let number: Int?

    /// - Parameters:
    ///   - operation: The function or operation that failed.
    ///   - message: What went wrong.
    ///   - number: GDAL's error class, when it gave one.
    public init(operation: String, message: String, number: Int? = nil) {
        (self.operation, self.message, self.number) = (operation, message, number)
    }

    /// `"<operation> failed: <message>"`.
    public var description: String { "\(operation) failed: \(message)" }
}
