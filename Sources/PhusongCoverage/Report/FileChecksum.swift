import Crypto
import Foundation

/// SHA-256 of input files, recorded in summaries so a figure can be traced to the exact data.
public enum FileChecksum {
    /// The SHA-256 of the file at `path` as lowercase hex, read in 1 MiB chunks; nil when the
    /// file cannot be read.
    public static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
