import PhusongSupport

/// The commands' one door to their outputs (issue 13, classes 1 and 2). Before anything is
/// computed, a command names what it reads and what it will write: `check` refuses any
/// output that is an input (`OutputPlan`), and `openFolder` also prepares the output folder
/// that will be replaced whole (`OutputFolder`: lock, foreign entries, leftovers of a killed
/// run). Failures are thrown as `OutputError`; `ExitCodes.mapped` turns them into 64 (refused
/// before anything is written) or 73 (cannot be written).
enum OutputGuard {
    /// Refuses outputs that would overwrite an input (single files: lists, rejects).
    static func check(reading inputs: [String], writing files: [String]) throws(OutputError) {
        try OutputPlan(inputs: inputs, files: files).check()
    }

    /// Checks every output against the inputs, then opens the folder `path` that will be
    /// replaced by a set of `fileNames`. The caller lets it go with `release()` on every way
    /// out (`defer`), so that an early error leaves no lock file behind.
    static func openFolder(_ path: String, fileNames: [String], setName: String, reading inputs: [String],
                           alsoWriting files: [String] = []) throws(OutputError) -> OutputFolder {
        try OutputPlan(inputs: inputs, folders: [OutputPlan.Folder(path: path, fileNames: fileNames)], files: files).check()
        return try OutputFolder(path: path, fileNames: fileNames, setName: setName)
    }

    /// Publishes the set that `files` makes into `folder`; returns the paths written. A
    /// failure to make the files' bytes counts as a failure to write them (73).
    static func publish(into folder: OutputFolder, _ files: () throws -> [(name: String, bytes: [UInt8])]) throws(OutputError) -> [String] {
        let made: [(name: String, bytes: [UInt8])]
        do {
            made = try files()
        } catch {
            folder.release()
            throw OutputError(path: folder.path, reason: "cannot make the \(folder.setName)'s files: \(error)")
        }
        return try folder.publish(made)
    }
}
