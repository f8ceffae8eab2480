import PhusongCoverage

/// Runs a computation whose failure can only come from the inputs or the settings (too many
/// operators, a setting outside its range given through the library): the error is printed
/// and the run exits with 65 (bad data) rather than ArgumentParser's generic 1.
func reportingDataErrors<T>(_ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let error as CoverageError {
        Terminal.error("phusong: \(error)")
        throw ExitCodes.dataError
    } catch let error as SettingOutOfRange {
        Terminal.error("phusong: \(error)")
        throw ExitCodes.dataError
    }
}
