/// An output could not be written, or was refused before anything was written.
public struct OutputError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Writing failed (full disk, permission, a file where a folder is needed, another
        /// run holding the lock): the CLI exits with 73 (EX_CANTCREAT).
        case cannotWrite
        /// The output would overwrite an input or wipe files that are not part of the output
        /// set; nothing was written: the CLI exits with 64 (EX_USAGE).
        case refused
    }

    /// The output the error is about, as the user named it.
    public var path: String
    public var reason: String
    public var kind: Kind

    public init(path: String, reason: String, kind: Kind = .cannotWrite) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    public var description: String { "\(path): \(reason)" }
}
