import Foundation

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination (rename(2) is atomic
/// within one file system).
public enum AtomicFile {
    /// Writes `bytes` to `path`, creating the parent folder when needed.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try write(Data(bytes), to: path)
    }

    /// Writes `data` to `path`, creating the parent folder when needed.
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard manager.createFile(atPath: temporary.path, contents: data) else {
            throw OutputError(path: path, reason: "cannot write \(temporary.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw OutputError(path: path, reason: "cannot rename into place: \(reason)")
        }
    }
}

/// An output file could not be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
