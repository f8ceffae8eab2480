#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file being written in pieces: the temporary file of an atomic output (a file of an
/// `OutputFolder`'s staged set), so that a large output (villages.csv of two million villages)
/// goes to the disk as it is made instead of being held whole in memory.
///
/// Created with `O_EXCL` (the path must not exist). `finish()` flushes it to the disk (fsync)
/// and closes it; any failure removes the partial file and throws `OutputError` naming the
/// output. One task owns a stream at a time (it is not `Sendable`).
public final class OutputFileStream {
    /// The file being written.
    public let path: String
    /// The output it is part of, as the user named it (for messages).
    let output: String
    private var descriptor: Int32

    /// Creates `path`, which must not exist.
    init(creating path: String, for output: String) throws(OutputError) {
        self.path = path
        self.output = output
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputError(path: output, reason: "cannot create \(path): \(OutputCalls.systemReason())")
        }
    }

    /// Appends `bytes` to the file.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        guard descriptor >= 0 else { throw OutputError(path: output, reason: "cannot write \(path): already closed") }
        if let reason = bytes.withUnsafeBytes({ OutputCalls.writeAll($0, to: descriptor) }) {
            fail("cannot write \(path): \(reason)")
        }
        if let failure { throw failure }
    }

    /// Flushes the file to the disk and closes it.
    func finish() throws(OutputError) {
        guard descriptor >= 0 else {
            if let failure { throw failure }
            return
        }
        if fsync(descriptor) != 0 { fail("cannot flush \(path) to disk: \(OutputCalls.systemReason())") }
        if descriptor >= 0, close(descriptor) != 0 { fail("cannot close \(path): \(OutputCalls.systemReason())") }
        descriptor = -1
        if let failure { throw failure }
    }

    /// Closes and removes the file without finishing it (the set is abandoned).
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(path)
    }

    /// The first failure; the file is then closed and removed.
    private var failure: OutputError?

    private func fail(_ reason: String) {
        if failure == nil { failure = OutputError(path: output, reason: reason) }
        discard()
    }

    deinit { discard() }
}
