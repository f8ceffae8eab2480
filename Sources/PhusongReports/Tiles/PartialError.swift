/// Why partials cannot be merged, or a partial cannot be read (docs/tiles.md, "Errors").
/// `phusong` exits with 66 for ``Kind/unreadable`` and 65 for the others.
public struct PartialError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A partial folder or one of its files is missing or cannot be read, or an input
        /// named by the manifests is missing.
        case unreadable
        /// A partial's file is not in the format (a bad row, a bad manifest).
        case invalid
        /// The partials come from different runs (inputs, configuration, model, options).
        case differentRuns
        /// Two partials' tiles overlap, or a village is in two partials.
        case overlap
        /// Some villages are in no partial.
        case missingTiles
        /// An input's checksum is no longer that of the file the tiles read.
        case inputChanged
    }

    /// What went wrong.
    public var kind: Kind
    /// The message, naming the folders, tiles, files and values concerned.
    public var message: String

    /// - Parameters:
    ///   - kind: what went wrong.
    ///   - message: the message, naming what is concerned.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
