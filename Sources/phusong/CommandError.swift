import PhusongCoverage

/// Why a command stopped, for the failures the CLI itself detects; `ExitCodes.mapped` prints
/// each and chooses its exit code, as for the libraries' errors.
enum CommandError: Error {
    /// Loading stopped on `problems`; with `suggestRejects`, the message adds that `--rejects`
    /// would set the bad rows aside (65, or 66 when a file could not be read at all).
    case loadStopped(LoadError, suggestRejects: Bool)
    /// No `--villages`/`--cells` and the embedded default data is not installed (66).
    case defaultDataMissing
    /// `--p` is smaller than the number of facilities `--fixed` opens (64).
    case fewerFacilitiesThanFixed(facilities: Int, fixed: Int, file: String)
}
