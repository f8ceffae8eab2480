/// Data that a file format cannot hold (a sheet with more rows than a workbook allows, a text
/// longer than a cell takes), or a container that could not be built. Nothing is written; the
/// writer that knows the file's path turns it into an `OutputError`.
public struct FileFormatError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What the format cannot hold, with the limit.
    public var reason: String

    /// - Parameter reason: what the format cannot hold, with the limit.
    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
