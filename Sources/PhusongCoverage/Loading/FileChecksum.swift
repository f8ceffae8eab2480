import Foundation

/// SHA-256 of input files, recorded in summaries so a figure can be traced to the exact data.
///
/// The digest is that of the bytes this process parsed: `InputFile` records it when it
/// reaches the end of a file, so a report never reads an input a second time (a FIFO can be
/// read only once, and a file replaced after loading would otherwise be described wrongly).
public enum FileChecksum {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var digests: [String: String] = [:]

    /// The SHA-256, as lowercase hex, of the bytes last read from `path` to its end by this
    /// process; nil when no loader has read it.
    public static func sha256(path: String) -> String? {
        lock.withLock { digests[path] }
    }

    /// Records the digest of the bytes read from `path`.
    static func record(_ sha256: String, path: String) {
        lock.withLock { digests[path] = sha256 }
    }
}
