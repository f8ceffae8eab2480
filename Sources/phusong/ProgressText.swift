import PhusongSupport

/// A progress event as the terminal line: `[report] coverage 45 % (12,345/27,431), 3.2 s, about 4 s left`.
enum ProgressText {
    static func line(_ event: ProgressEvent, command: String) -> String {
        var text = "[\(command)] \(event.stage)"
        if event.total > 1 {
            let percent = Int((100 * Double(event.done) / Double(event.total)).rounded(.down))
            text += " \(percent) % (\(NumberText.grouped(event.done))/\(NumberText.grouped(event.total)))"
        } else if event.isComplete {
            text += " done"
        }
        text += ", " + duration(event.elapsedSeconds)
        if let eta = event.etaSeconds, !event.isComplete { text += ", about \(duration(eta)) left" }
        if let detail = event.detail { text += ": " + detail }
        return text
    }

    /// "0.4 s", "12 s", "3 min 05 s", "1 h 02 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "?" }
        if seconds < 10 { return NumberText.fixed(seconds, decimals: 1) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(NumberText.zeroPadded(whole % 60, width: 2)) s" }
        return "\(whole / 3600) h \(NumberText.zeroPadded(whole % 3600 / 60, width: 2)) min"
    }
}

/// Standard error's JSON lines (`--log-json`), one object each; the schema is in docs/cli.md.
enum ProgressJSON {
    /// `{"event":"progress","stage":…,"done":…,"total":…,"elapsed_s":…,"eta_s":…}`, with
    /// `"detail"` last when the event has one; seconds with three decimals, `eta_s` null when
    /// unknown.
    static func line(_ event: ProgressEvent) -> String {
        var fields = [
            "\"event\":\"progress\"", "\"stage\":" + JSONText.string(event.stage), "\"done\":\(event.done)", "\"total\":\(event.total)",
            "\"elapsed_s\":" + seconds(event.elapsedSeconds), "\"eta_s\":" + (event.etaSeconds.map(seconds) ?? "null"),
        ]
        if let detail = event.detail { fields.append("\"detail\":" + JSONText.string(detail)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `{"event":"note","message":…}` or `{"event":"error","message":…}`.
    static func message(event: String, text: String) -> String {
        "{\"event\":" + JSONText.string(event) + ",\"message\":" + JSONText.string(text) + "}"
    }

    private static func seconds(_ value: Double) -> String {
        value.isFinite ? NumberText.fixed(value, decimals: 3) : "null"
    }
}
