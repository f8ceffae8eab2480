import Foundation
import PhusongSupport

/// How standard error is used (`ProgressOptions`).
enum StandardErrorMode: Sendable {
    /// Notes and errors as text; a progress line when standard error is a terminal.
    case text
    /// Errors only (`--quiet`).
    case quiet
    /// Progress events, notes and errors as JSON lines (`--log-json`).
    case json
}

/// Standard error for the whole run: notes, errors and progress go through here, so that the
/// progress line a terminal shows is cleared before any other text, and `--quiet` and
/// `--log-json` apply to everything the command prints there.
///
/// `@unchecked Sendable`: every stored property that changes is read and written only while
/// `lock` is held (progress events arrive from the worker tasks of `TaskPool`).
final class StandardError: @unchecked Sendable {
    /// The process's one standard error.
    static let shared = StandardError()

    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var mode = StandardErrorMode.text
    private var command = "phusong"
    /// True while a progress line is on the terminal (written with `\r`, no line break).
    private var lineShown = false

    /// Sets the mode for the rest of the run and returns the reporter whose events are shown
    /// (nil when none would be).
    /// - Parameters:
    ///   - mode: text, quiet or JSON.
    ///   - command: the command's name, for the terminal line.
    func start(mode: StandardErrorMode, command: String) -> ProgressReporter? {
        let shows = lock.withLock {
            self.mode = mode
            self.command = command
            return mode == .json || (mode == .text && isTerminal)
        }
        return shows ? ProgressReporter { [self] event in show(event) } : nil
    }

    /// A note (what was read, written, timed): as text, as a JSON `note` event, or nothing
    /// with `--quiet`.
    func note(_ text: String) {
        lock.withLock {
            switch mode {
            case .text: writeLine(TerminalText.visible(text, keepingLineBreaks: true))
            case .quiet: break
            case .json: writeLine(ProgressJSON.message(event: "note", text: TerminalText.visible(text, keepingLineBreaks: true)))
            }
        }
    }

    /// An error: as text (also with `--quiet`) or as a JSON `error` event.
    func error(_ text: String) {
        lock.withLock {
            let visible = TerminalText.visible(text, keepingLineBreaks: true)
            writeLine(mode == .json ? ProgressJSON.message(event: "error", text: visible) : visible)
        }
    }

    /// Clears the progress line, if one is shown, before something else is printed to the
    /// terminal (standard output included, which shares it).
    func clearLine() {
        lock.withLock { clearLocked() }
    }

    /// A progress event: the terminal line rewritten in place, or a JSON line.
    private func show(_ event: ProgressEvent) {
        lock.withLock {
            switch mode {
            case .json: writeLine(ProgressJSON.line(event))
            case .text:
                write("\r\u{1B}[K" + TerminalText.visible(ProgressText.line(event, command: command)))
                lineShown = true
            case .quiet: break
            }
        }
    }

    /// Lock held: `text` and a line break, after clearing the progress line.
    private func writeLine(_ text: String) {
        clearLocked()
        write(text + "\n")
    }

    /// Lock held: clears the progress line if one is shown.
    private func clearLocked() {
        guard lineShown else { return }
        write("\r\u{1B}[K")
        lineShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
