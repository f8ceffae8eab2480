/// An error reported by GDAL (through its error handler) or a misuse detected by GDALKit
/// before calling GDAL.
///
/// GDALKit installs its own error handler around every GDAL call (`GDALMessages`, internal), so
/// GDAL's messages are never printed to standard error; the failure message of a call is
/// attached to the error it throws.
public struct GDALError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, e.g. `"GDALOpenEx"` or `"OSRImportFromEPSG"`.
    public let operation: String
    /// GDAL's message (e.g. `"No such file or directory"`), or GDALKit's explanation when
    /// GDAL sent none or the input was rejected before reaching GDAL.
    public let message: String

    /// Creates an error for `operation` with the given message.
    /// - Parameters:
    ///   - operation: The GDAL function or GDALKit operation that failed.
    ///   - message: What went wrong, in GDAL's words when GDAL gave any.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// `"<operation> failed: <message>"`.
    public var description: String { "\(operation) failed: \(message)" }
}
