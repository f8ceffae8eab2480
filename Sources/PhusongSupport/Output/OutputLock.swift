import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on one output (a folder replaced whole, or a single file): flock(2) on a
/// lock file beside it, `.NAME.phusong-lock`, taken without waiting. A second phusong run
/// writing the same output fails at once with "another phusong run is writing NAME" instead
/// of interleaving with the first.
///
/// The holder removes the lock file before it lets go, so a finished run leaves nothing
/// behind; a killed run leaves an unlocked lock file that the next run takes over. Because a
/// lock file can be removed between opening and locking it, the lock counts only when the
/// locked file is still the one at the path (same device and inode); otherwise it tries again.
final class OutputLock {
    /// The lock file's path.
    let path: String
    private var descriptor: Int32

    /// Takes the lock of the output `name` (as the user named it) whose lock file is `path`.
    /// - Throws: `OutputError` (cannot write) when another run holds it, or the lock file
    ///   cannot be created.
    init(path: String, for name: String) throws(OutputError) {
        self.path = path
        while true {
            let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
            guard opened >= 0 else {
                throw OutputError(path: name, reason: "cannot create the lock file \(path): \(OutputCalls.systemReason())")
            }
            guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = OutputCalls.systemReason()
                close(opened)
                throw OutputError(path: name, reason: busy
                    ? "another phusong run is writing \(name) (it holds \(path)); wait for it to finish or choose another output"
                    : "cannot lock \(path): \(reason)")
            }
            if let held = FileIdentity(descriptor: opened), held == FileIdentity(path: path) {
                descriptor = opened
                return
            }
            close(opened)
        }
    }

    /// Whether the lock is still held (not released).
    var isHeld: Bool { descriptor >= 0 }

    /// Removes the lock file and lets go of the lock (also done when the lock is dropped).
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
