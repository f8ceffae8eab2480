import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that a run replaces whole with a set of files (a report, a plan, a comparison, a
/// synthetic scenario), so that it always holds either the complete previous set or the
/// complete new one: never a mix, never a truncated file (issue 13, class 2). See
/// docs/safety.md, "Outputs".
///
/// Opening it (before anything is computed):
/// - creates the parent folder when missing and takes the output's lock (`OutputLock`,
///   `.NAME.phusong-lock` in the parent; a second run into the same folder fails at once);
/// - cleans up after a killed run: the staged folder `.NAME.phusong-staged` is removed, and a
///   previous set parked at `.NAME.phusong-previous` (see below) is put back when NAME is
///   missing, removed otherwise (removing a set folder deletes the set's files and then the
///   folder, never anything else);
/// - refuses a folder that holds anything other than files of this set ("choose a new or
///   empty folder"): replacing it whole would silently delete them.
///
/// Publishing (`publish`):
/// 1. every file is written into the staged folder, a sibling in the same parent (so on the
///    same file system), and flushed to the disk (fsync), then the staged folder itself;
/// 2. the folder is checked once more for foreign entries;
/// 3. a missing NAME: rename(2) of the staged folder to NAME. An existing NAME: one atomic
///    exchange of the two folders (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np
///    RENAME_SWAP), after which the previous set sits at the staged name and is removed. File
///    systems that cannot exchange (NFS, SMB) get two renames instead, NAME to
///    `.NAME.phusong-previous` then the staged folder to NAME; a run killed between the two
///    leaves NAME missing for a moment, and the next run puts the previous set back;
/// 4. the parent folder is flushed, the lock file removed and the lock let go.
///
/// Any failure removes the staged folder and leaves the previous set as it was. The new
/// folder gets the default permissions (the umask), not those of the folder it replaces.
public final class OutputFolder {
    /// The folder as the user named it (used in messages and the returned paths).
    public let path: String
    /// The names of the set's files.
    public let fileNames: [String]
    /// What the set is, for messages ("report", "plan").
    public let setName: String
    /// The folder actually replaced: `path`, or the real path when `path` is a symbolic link
    /// to a folder (the link stays, its target is replaced).
    private let target: String
    private let parent: String
    private let staged: String
    private let previous: String
    private let lock: OutputLock

    /// Prepares `path` to receive the set `fileNames`: see the type's description.
    /// - Throws: `OutputError` refused (the current folder or one above it, or foreign
    ///   entries), or cannot write (parent cannot be created, lock held by another run,
    ///   `path` is a file).
    public init(path: String, fileNames: [String], setName: String) throws(OutputError) {
        self.path = path
        self.fileNames = fileNames
        self.setName = setName
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        target = OutputCalls.isFolder(trimmed) ? OutputCalls.realPath(trimmed) ?? trimmed : trimmed
        let (parent, name) = AtomicFile.split(target)
        let resolved = OutputCalls.resolved(target)
        let current = OutputCalls.realPath(".") ?? ""
        if ["", ".", ".."].contains(name) || resolved == "/" || current == resolved || current.hasPrefix(resolved + "/") {
            throw OutputError(path: path, reason: "is the current folder or one above it, which cannot be replaced whole; choose a new or empty folder", kind: .refused)
        }
        self.parent = parent
        staged = AtomicFile.join(parent, "." + name + ".phusong-staged")
        previous = AtomicFile.join(parent, "." + name + ".phusong-previous")
        try OutputCalls.makeFolders(parent, for: path)
        lock = try OutputLock(path: AtomicFile.join(parent, "." + name + ".phusong-lock"), for: path)
        if OutputCalls.entry(at: previous) != .missing, OutputCalls.entry(at: target) == .missing {
            try OutputCalls.move(previous, to: target, for: path)
        }
        try removeSet(at: previous)
        try removeSet(at: staged)
        try checkTarget()
    }

    /// Writes `files` (names from `fileNames`) as the folder's new set and returns their
    /// paths; the lock is let go afterwards, whatever happens.
    public func publish(_ files: [(name: String, bytes: [UInt8])]) throws(OutputError) -> [String] {
        defer { lock.release() }
        try stage(files.map(\.name))
        do throws(OutputError) {
            for file in files {
                try OutputCalls.writeNewFile(file.bytes, at: AtomicFile.join(staged, file.name), for: path)
            }
        } catch {
            try? removeSet(at: staged)
            throw error
        }
        return try commit(files.map(\.name))
    }

    /// Writes `files` as the folder's new set, each streamed into its staged file by its
    /// `write`, up to `threads` files at a time (the largest first), and returns their paths;
    /// the lock is let go afterwards, whatever happens. A file that cannot be made (its
    /// `write` throws something other than an `OutputError`) fails the set with "cannot make
    /// the SET's files", as a failure to write it.
    public func publish(_ files: [OutputSetFile], threads: Int) async throws(OutputError) -> [String] {
        defer { lock.release() }
        try stage(files.map(\.name))
        let staged = staged, path = path, setName = setName
        do {
            _ = try await TaskPool.run(count: files.count, threads: threads, largestFirst: { files[$0].sizeHint }) { index in
                let file = try OutputFileStream(creating: AtomicFile.join(staged, files[index].name), for: path)
                try await files[index].write(file)
                try file.finish()
            }
        } catch {
            try? removeSet(at: staged)
            if let error = error as? OutputError { throw error }
            throw OutputError(path: path, reason: "cannot make the \(setName)'s files: \(error)")
        }
        return try commit(files.map(\.name))
    }

    /// Checks the set's names and creates the staged folder.
    private func stage(_ names: [String]) throws(OutputError) {
        guard lock.isHeld else { throw OutputError(path: path, reason: "this output folder was already written") }
        if let stranger = names.first(where: { !fileNames.contains($0) }) {
            throw OutputError(path: path, reason: "\(stranger) is not a file of a \(setName)")
        }
        guard mkdir(staged, 0o777) == 0 else {
            let error = OutputError(path: path, reason: "cannot create \(staged): \(OutputCalls.systemReason())")
            try? removeSet(at: staged)
            throw error
        }
    }

    /// Puts the staged set (its files written and flushed) in place of the folder's set and
    /// returns the paths of `names`.
    private func commit(_ names: [String]) throws(OutputError) -> [String] {
        let oldSet: String
        do throws(OutputError) {
            try OutputCalls.syncFolder(staged, for: path)
            try checkTarget()
            oldSet = try swapIn()
        } catch {
            try? removeSet(at: staged)
            throw error
        }
        try OutputCalls.syncFolder(parent, for: path)
        // Holding anything else (put there while the set was swapped), it stays for the next
        // run to report.
        try? removeSet(at: oldSet)
        return names.map { AtomicFile.join(path, $0) }
    }

    /// Lets go of the lock without publishing (also done when the folder is dropped).
    public func release() { lock.release() }

    /// Puts the staged folder at `target`; returns where the previous set now is (to remove).
    private func swapIn() throws(OutputError) -> String {
        guard OutputCalls.entry(at: target) == .folder else {
            try OutputCalls.move(staged, to: target, for: path)
            return staged
        }
        guard let code = OutputCalls.exchange(staged, target) else { return staged }
        guard [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code) else {
            throw OutputError(path: path, reason: "cannot swap \(staged) with \(target): \(String(cString: strerror(code)))")
        }
        try OutputCalls.move(target, to: previous, for: path)
        do throws(OutputError) {
            try OutputCalls.move(staged, to: target, for: path)
        } catch {
            try? OutputCalls.move(previous, to: target, for: path)
            throw error
        }
        return previous
    }

    /// Removes a set folder that phusong made (staged, or the previous set once replaced):
    /// the set's files, then the folder. Nothing else is ever deleted: a folder that still
    /// holds something else is refused.
    private func removeSet(at folder: String) throws(OutputError) {
        switch OutputCalls.entry(at: folder) {
        case .missing:
            return
        case .folder:
            for name in fileNames { OutputCalls.removeFile(AtomicFile.join(folder, name)) }
            guard rmdir(folder) != 0 else { return }
            let foreign = errno == ENOTEMPTY || errno == EEXIST
            throw OutputError(path: path, reason: "cannot remove \(folder), a set folder of an interrupted run: \(OutputCalls.systemReason())"
                + (foreign ? "; it holds files that are not part of a \(setName), move them away" : ""), kind: foreign ? .refused : .cannotWrite)
        default:
            throw OutputError(path: path, reason: "\(folder) is in the way and is not a folder phusong made; move it away", kind: .refused)
        }
    }

    /// Refuses a target that is not a folder, or that holds entries other than the set's files.
    private func checkTarget() throws(OutputError) {
        switch OutputCalls.entry(at: target) {
        case .missing:
            return
        case .folder:
            break
        default:
            throw OutputError(path: path, reason: "exists and is not a folder; an output folder is needed here")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        } catch {
            throw OutputError(path: path, reason: "cannot list the folder: \(error.localizedDescription)")
        }
        let foreign = names.compactMap { name -> String? in
            let entry = OutputCalls.entry(at: AtomicFile.join(target, name))
            if fileNames.contains(name), entry == .file || entry == .link { return nil }
            return entry == .folder ? name + "/" : name
        }
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
        throw OutputError(path: path, reason: "holds \(shown), not part of a \(setName); refusing to replace the folder and lose them, choose a new or empty folder", kind: .refused)
    }
}
