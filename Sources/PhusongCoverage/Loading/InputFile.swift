import Crypto
import Foundation
import PhusongSupport

/// An input file read once, front to back: every loader reads through it, so every input gets
/// the same checks and limits (issue 13, classes 5 and 7).
///
/// - A missing file, a folder, or a file the system will not open or read is an
///   ``Problem/FileFault`` problem that ``Problem/isUnavailableInput`` (exit 66), with the system's reason.
/// - Nothing seeks or reopens, so a FIFO or a device works and is read exactly once; the
///   SHA-256 of the bytes read is recorded in ``FileChecksum`` when the end is reached, for the
///   reports' input checksums (which therefore describe the very bytes that were parsed).
/// - ``readAll(limit:)`` refuses a file longer than its limit (exit 65) instead of exhausting
///   memory on an endless input (`/dev/zero`); streaming readers bound what they keep instead
///   (``CSVBlocks``: one block and one unfinished record).
package final class InputFile {
    /// The path as the user gave it, for messages.
    let path: String
    /// The open file.
    private let descriptor: Int32
    private var hasher = SHA256()
    /// Bytes read so far.
    private(set) var bytesRead = 0
    /// The size of a regular file when it was opened; nil for
    /// anything else (a FIFO, a device). A hint only: the file may change while it is read.
    let sizeHint: Int?
    private(set) var atEnd = false

    package init(path: String) throws(LoadError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw LoadError(Problem(file: path, reason: .file(code == ENOENT ? .notFound : .unreadable(systemReason: Self.describe(code)))))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw LoadError(Problem(file: path, reason: .file(.unreadable(systemReason: Self.describe(code)))))
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw LoadError(Problem(file: path, reason: .file(.folder)))
        }
        self.descriptor = descriptor
        sizeHint = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }

    deinit { close(descriptor) }

    /// The next bytes of the file, at most `count` (fewer when fewer are ready); empty at the
    /// end of the file.
    func read(upToCount count: Int) throws(LoadError) -> [UInt8] {
        guard !atEnd else { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while true {
                let result = Foundation.read(descriptor, base, count)
                if result >= 0 {
                    initialized = result
                    return
                }
                if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 {
            throw LoadError(Problem(file: path, reason: .file(.unreadable(systemReason: Self.describe(failure)))))
        }
        if bytes.isEmpty {
            atEnd = true
            FileChecksum.record(NumberText.hexadecimal(hasher.finalize()), path: path)
            return []
        }
        bytesRead += bytes.count
        hasher.update(data: bytes)
        return bytes
    }

    /// Reads the file to its end without keeping the bytes, so that its SHA-256 is recorded
    /// (``FileChecksum``) for a source another library parses (GDAL).
    package func readToEnd() throws(LoadError) {
        while try !read(upToCount: 1 << 20).isEmpty {}
    }

    /// The whole file, when it holds at most `limit` bytes.
    /// - Parameter kind: what the file is, for the message ("a configuration file").
    /// - Throws: `LoadError` (bad data, exit 65) naming the limit when the file is longer, so
    ///   that an endless input stops with a clear message.
    package func readAll(limit: Int, kind: String) throws(LoadError) -> [UInt8] {
        var contents: [UInt8] = []
        while true {
            let chunk = try read(upToCount: 1 << 20)
            if chunk.isEmpty { return contents }
            contents += chunk
            if contents.count > limit {
                throw LoadError(Problem(file: path, reason: .file(.longerThan(limitBytes: limit, kind: kind))))
            }
        }
    }

    private static func describe(_ code: Int32) -> String {
        code == EACCES ? "permission denied" : String(cString: strerror(code))
    }
}
