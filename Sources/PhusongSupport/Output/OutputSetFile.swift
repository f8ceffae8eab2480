/// One file of a set published by `OutputFolder.publish(_:threads:)`: its name and the work
/// that writes it into its staged file, piece by piece (`OutputFileStream`).
public struct OutputSetFile: Sendable {
    public var name: String
    /// About how many bytes the file will hold: the largest files start first, so that the
    /// cores stay busy until the end.
    public var sizeHint: Int
    /// Writes the whole file; may itself work in parallel (e.g. rows made in chunks).
    public var write: @Sendable (OutputFileStream) async throws -> Void

    public init(name: String, sizeHint: Int, write: @escaping @Sendable (OutputFileStream) async throws -> Void) {
        self.name = name
        self.sizeHint = sizeHint
        self.write = write
    }

    /// A file whose bytes are made at once (small files).
    public init(name: String, bytes: @escaping @Sendable () throws -> [UInt8]) {
        self.init(name: name, sizeHint: 0) { file in try file.write(bytes()) }
    }
}
