import PhusongCoverage
import PhusongSupport

extension InputOptions {
    /// Loads the inputs; problems stop the run with `CommandError.loadStopped` (printed and
    /// mapped to an exit code by `ExitCodes.mapped`).
    /// - Parameters:
    ///   - threads: worker tasks for administrative assignment.
    ///   - progress: where the `load` stage is shown (nil: nowhere).
    func load(threads: Int, progress: ProgressReporter? = nil) async throws -> LoadedInputs {
        let paths = try paths()
        progress?.begin("load", total: 1)
        do {
            let inputs = try await ScenarioLoader.load(paths, policy: policy, threads: threads)
            progress?.end()
            if inputs.rejectedCount > 0 {
                Terminal.note("Set aside \(inputs.rejectedCount) bad row(s) into \(inputs.rejectsFiles.joined(separator: " and ")); the run goes on without them.")
            }
            return inputs
        } catch {
            if let output = error.output { throw output }
            throw CommandError.loadStopped(error, suggestRejects: error.hasRowProblems && rejects == nil)
        }
    }
}
