import CPhusongSystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls behind outputs, each checked: a failure becomes an `OutputError` that
/// names the output the user asked for and the system's reason (errno's text, e.g. "No space
/// left on device", "File too large", "Permission denied", "Not a directory").
enum OutputCalls {
    /// What a path names, without following a final symbolic link (lstat(2)).
    enum Entry {
        case missing, folder, file, link, other
    }

    static func entry(at path: String) -> Entry {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Whether `path` is a folder, following symbolic links.
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The text of the last system error.
    static func systemReason() -> String { String(cString: strerror(errno)) }

    /// Creates `folder` and its missing parents (mode 0777 less the umask, like `mkdir -p`).
    static func makeFolders(_ folder: String, for output: String) throws(OutputError) {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if isFolder(prefix) || mkdir(prefix, 0o777) == 0 || (errno == EEXIST && isFolder(prefix)) { continue }
            let reason = errno == EEXIST ? "a file is in the way" : systemReason()
            throw OutputError(path: output, reason: "cannot create the folder \(prefix): \(reason)")
        }
    }

    /// Creates the file `path` (which must not exist), writes `bytes`, flushes them to the
    /// disk (fsync) and closes it; on any failure the partial file is removed.
    static func writeNewFile(_ bytes: [UInt8], at path: String, for output: String) throws(OutputError) {
        let file = try OutputFileStream(creating: path, for: output)
        try file.write(bytes)
        try file.finish()
    }

    /// Writes all of `buffer` to `descriptor` (retrying after a signal); nil when done, else
    /// the system's reason.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return systemReason()
            }
            offset += written
        }
        return nil
    }

    /// Flushes the file at `path` to the disk (for files made by another writer, e.g. SQLite).
    static func syncFile(_ path: String, for output: String) throws(OutputError) {
        try sync(path, flags: O_RDONLY, for: output)
    }

    /// Flushes a folder's entries (created, renamed, removed names) to the disk. File systems
    /// that cannot sync a folder (EINVAL) are left as they are.
    static func syncFolder(_ folder: String, for output: String) throws(OutputError) {
        try sync(folder.isEmpty ? "." : folder, flags: O_RDONLY | O_DIRECTORY, for: output)
    }

    private static func sync(_ path: String, flags: Int32, for output: String) throws(OutputError) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: output, reason: "cannot open \(path): \(systemReason())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw OutputError(path: output, reason: "cannot flush \(path) to disk: \(systemReason())")
        }
    }

    /// rename(2): atomically replaces `destination` (a file, or an empty folder) by `source`.
    static func move(_ source: String, to destination: String, for output: String) throws(OutputError) {
        guard rename(source, destination) == 0 else {
            throw OutputError(path: output, reason: "cannot rename \(source) to \(destination): \(systemReason())")
        }
    }

    /// Swaps two existing paths in one atomic step. Returns nil when done, else errno.
    static func exchange(_ first: String, _ second: String) -> Int32? {
        phusong_exchange_paths(first, second) == 0 ? nil : errno
    }

    /// Removes the file (or symbolic link) at `path`; nothing when there is none.
    static func removeFile(_ path: String) {
        unlink(path)
    }

    /// The canonical absolute path (every symbolic link, `.` and `..` resolved) of an
    /// existing path; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute and canonical as far as it exists: the real path of its longest
    /// existing prefix, then the remaining components (with `.` dropped and `..` applied).
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var head = absolute
        var rest: [Substring] = []
        while true {
            if let real = realPath(head) {
                var parts = real.split(separator: "/")
                for part in rest.reversed() where part != "." && !part.isEmpty {
                    if part == ".." { _ = parts.popLast() } else { parts.append(part) }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let slash = head.lastIndex(of: "/") else { return absolute }
            rest.append(head[head.index(after: slash)...])
            head = slash == head.startIndex ? "/" : String(head[..<slash])
        }
    }
}
