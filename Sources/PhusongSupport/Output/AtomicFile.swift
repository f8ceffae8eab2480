/// Writes one output file so that it is always either the complete old file or the complete
/// new one, never a mix, a truncated file or a stray temporary:
///
/// 1. the parent folder is created when missing, and the output's lock is taken
///    (`OutputLock`: a second run writing the same file fails at once);
/// 2. a temporary left by a killed run (`.NAME.phusong-tmp` beside the file) is removed;
/// 3. the bytes go to that temporary, which is flushed to the disk (fsync);
/// 4. rename(2) puts it in place in one atomic step, and the folder is flushed so that the
///    new name survives a power cut.
///
/// On any failure (full disk, a file too large, permission, a file where a folder should
/// be) the temporary is removed and the previous file stays as it was.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try write(to: path) { (temporary: String) throws(OutputError) in
            try OutputCalls.writeNewFile(bytes, at: temporary, for: path)
        }
    }

    /// Writes `path` with `produce`, which creates the file at the temporary path it is given
    /// (e.g. an SQLite database); the file is then flushed and renamed into place.
    public static func write(to path: String, producedBy produce: (String) throws(OutputError) -> Void) throws(OutputError) {
        let (folder, name) = split(path)
        try OutputCalls.makeFolders(folder, for: path)
        let lock = try OutputLock(path: join(folder, "." + name + ".phusong-lock"), for: path)
        defer { lock.release() }
        let temporary = join(folder, "." + name + ".phusong-tmp")
        OutputCalls.removeFile(temporary)
        do throws(OutputError) {
            try produce(temporary)
            try OutputCalls.syncFile(temporary, for: path)
            try OutputCalls.move(temporary, to: path, for: path)
        } catch {
            OutputCalls.removeFile(temporary)
            throw error
        }
        try OutputCalls.syncFolder(folder, for: path)
    }

    /// The folder (empty for the current one) and the name of `path`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// `name` in `folder` (the current folder when empty).
    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
