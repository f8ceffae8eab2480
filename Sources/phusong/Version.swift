/// The tool's version, reported by `--version` and written into outputs.
enum PhusongVersion {
    static let current = "0.1.0"
}
