import Foundation

/// One finished run of a command (the built `punchplay-mpris` unless told otherwise), started as a user would
/// type it: its exit status and what it printed. Exists so tests share one way of running a command that
/// cannot hang a suite: the output goes to files (no pipe can fill up, no thread blocks reading one), and a
/// run still going after its time limit is killed and reported with what it printed so far.
public struct CommandRun: Sendable {
    /// The exit status (128 + the signal number when a signal ended it).
    public var status: Int32
    /// Everything written to standard output (and to standard error, for a run that merged them).
    public var output: String
    /// Everything written to standard error, unless the run merged it into ``output``.
    public var errorOutput: String

    /// Runs `binary` (the debug `punchplay-mpris` next to the tests by default) with `arguments` and
    /// standard input from `/dev/null`. `environment` is added to this process's, or with
    /// `inheritingEnvironment` false is the whole environment, with a plain `PATH` unless it sets one.
    public static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        inheritingEnvironment: Bool = true,
        binary: String = BuiltBinary.path("punchplay-mpris"),
        timeLimit: Duration = .seconds(60)
    ) async throws -> CommandRun {
        try await run(
            binary,
            arguments,
            environment: inheritingEnvironment
                ? environment : environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine },
            inheritingEnvironment: inheritingEnvironment,
            mergingErrors: false,
            timeLimit: timeLimit
        )
    }

    /// Runs `command` (a path, or a name looked up in `PATH`) to its end, or until `timeLimit` when one is
    /// given; with `mergingErrors`, standard error goes into ``output`` in the order it was written.
    static func run(
        _ command: String,
        _ arguments: [String],
        environment: [String: String],
        inheritingEnvironment: Bool = true,
        mergingErrors: Bool,
        timeLimit: Duration?
    ) async throws -> CommandRun {
        guard !command.contains("/") || FileManager.default.isExecutableFile(atPath: command) else {
            throw TestSupportError("\(command) is not built; run `swift build` first")
        }
        let directory = try TemporaryDirectory(prefix: "punchplay-command")
        defer { directory.remove() }
        let outputPath = directory.file("output")
        let errorPath = directory.file("error")
        let process = try ChildProcess(
            command,
            arguments,
            environment: environment,
            inheritingEnvironment: inheritingEnvironment,
            output: .file(outputPath),
            errors: mergingErrors ? nil : .file(errorPath)
        )
        let started = ContinuousClock.now
        let status = await process.exited(killingAfter: timeLimit)
        let killedByTheLimit =
            timeLimit.map { status == 128 + SIGKILL && ContinuousClock.now - started >= $0 } ?? false
        let run = CommandRun(
            status: status,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        )
        if killedByTheLimit, let timeLimit {
            throw TestSupportError(
                """
                \(([command] + arguments).joined(separator: " ")) was still running after \(timeLimit) and was \
                killed; it had printed: \(run.output) \(run.errorOutput)
                """
            )
        }
        return run
    }
}
