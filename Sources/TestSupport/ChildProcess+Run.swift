extension ChildProcess {
    /// Runs `command` (looked up in `PATH` unless it is a path) to completion and fails unless it exits with
    /// status 0; what it printed, standard output and error together, is returned.
    @discardableResult
    public static func run(
        _ command: String,
        _ arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> String {
        let run = try await CommandRun.run(
            command,
            arguments,
            environment: environment,
            mergingErrors: true,
            timeLimit: nil
        )
        guard run.status == 0 else {
            throw TestSupportError(
                "\(command) \(arguments.joined(separator: " ")) exited with \(run.status): \(run.output)"
            )
        }
        return run.output
    }
}
