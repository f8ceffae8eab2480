import ArgumentParser
import PhusongCoverage

extension InputOptions {
    /// Loads the inputs, printing problems and turning them into the right exit code.
    /// - Parameter threads: worker tasks for administrative assignment.
    func load(threads: Int) async throws -> LoadedInputs {
        let paths = try paths()
        do {
            let inputs = try await ScenarioLoader.load(paths, policy: policy, threads: threads)
            if inputs.rejectedCount > 0 {
                Terminal.note("Set aside \(inputs.rejectedCount) bad row(s) into \(inputs.rejectsFiles.joined(separator: " and ")); the run goes on without them.")
            }
            return inputs
        } catch {
            if let output = error.output { throw output }
            Terminal.list(error.problems, hint: error.hasRowProblems && rejects == nil
                ? "Stopped: fix these rows, or give --rejects FILE to set bad rows aside and go on."
                : nil)
            throw error.isUnavailableInput ? ExitCodes.noInput : ExitCodes.dataError
        }
    }
}
