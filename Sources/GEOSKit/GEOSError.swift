/// An error reported by GEOS, or a misuse detected by GEOSKit before calling GEOS.
///
/// GEOS reports failures through the error message handler of the context that made the
/// call; GEOSKit keeps the last message of each context and attaches it to the error thrown
/// by the failing call.
public struct GEOSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, e.g. `"GEOSWKTReader_read_r"` or `"polygon"`.
    public let operation: String
    /// GEOS's message (e.g. `"ParseException: Expected word but encountered end of stream"`),
    /// or GEOSKit's explanation when the input was rejected before reaching GEOS.
    public let message: String

    /// Creates an error for `operation` with the given message.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// `"<operation> failed: <message>"`.
    public var description: String { "\(operation) failed: \(message)" }
}
