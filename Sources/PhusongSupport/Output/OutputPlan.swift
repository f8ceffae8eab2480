/// Everything one run reads and writes, checked before anything is computed or written so
/// that an output can never overwrite an input (issue 13, class 1).
///
/// Inputs and outputs are compared by file identity (device and inode, `FileIdentity`), so a
/// symbolic link or a hard link to an input is caught as surely as the input's own path. The
/// check refuses (`OutputError.Kind.refused`, exit 64):
/// - an output file, a file of an output set or an output folder that is an input;
/// - an output folder (replaced whole) that holds an input anywhere inside it (by real path);
/// - a single output file inside an output folder (the folder's replacement would drop it);
/// - two outputs that are the same file;
/// and reports (cannot write, exit 73) a single output file whose path is a folder.
public struct OutputPlan: Sendable {
    /// A folder replaced whole by a set of files.
    public struct Folder: Sendable {
        public var path: String
        public var fileNames: [String]

        public init(path: String, fileNames: [String]) {
            self.path = path
            self.fileNames = fileNames
        }
    }

    /// Every file the run reads (inputs that do not exist are left to the loaders, which
    /// report them).
    public var inputs: [String]
    public var folders: [Folder]
    /// Single output files (lists, rejects).
    public var files: [String]

    public init(inputs: [String], folders: [Folder] = [], files: [String] = []) {
        self.inputs = inputs
        self.folders = folders
        self.files = files
    }

    /// - Throws: `OutputError` naming the output and the input it would overwrite.
    public func check() throws(OutputError) {
        let inputs = self.inputs.compactMap { path in FileIdentity(path: path).map { (path: path, identity: $0) } }
        let memberFiles = folders.flatMap { folder in folder.fileNames.map { AtomicFile.join(folder.path, $0) } }
        for output in folders.map(\.path) + memberFiles + files {
            guard let identity = FileIdentity(path: output), let input = inputs.first(where: { $0.identity == identity }) else { continue }
            let alias = input.path == output ? "" : " (the same file on disk, through a link or another name)"
            throw OutputError(path: output, reason: "this output is the input \(input.path)\(alias); refusing to overwrite an input, choose another output", kind: .refused)
        }
        for folder in folders {
            let inside = OutputCalls.resolved(folder.path) + "/"
            if let input = inputs.first(where: { OutputCalls.resolved($0.path).hasPrefix(inside) }) {
                throw OutputError(path: folder.path, reason: "this output folder holds the input \(input.path) and would be replaced whole; choose a new or empty folder", kind: .refused)
            }
            if let file = files.first(where: { OutputCalls.resolved($0).hasPrefix(inside) }) {
                throw OutputError(path: file, reason: "this output lies inside the output folder \(folder.path), which is replaced whole; write it elsewhere", kind: .refused)
            }
        }
        var seen: [String: String] = [:]
        for file in files {
            if OutputCalls.isFolder(file) {
                throw OutputError(path: file, reason: "is a folder; an output file is needed here")
            }
            let key = OutputCalls.resolved(file)
            if let other = seen[key] {
                let same = other == file ? "is named by two outputs" : "is the same file as the output \(other)"
                throw OutputError(path: file, reason: "\(same); give each output its own name", kind: .refused)
            }
            seen[key] = file
        }
    }
}
