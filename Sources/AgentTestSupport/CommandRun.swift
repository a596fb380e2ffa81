import Foundation
import MPRISTestSupport

/// One finished run of a command (the built `punchplay-mpris` unless told otherwise), started as a user would
/// type it: its exit status and what it printed. Exists so command tests share one way of running it that
/// cannot hang a suite: the output goes to files (no pipe can fill up, no thread blocks reading one), and a
/// run still going after its time limit is killed and reported with what it printed so far.
public struct CommandRun: Sendable {
    /// The exit status (128 + the signal number when a signal ended it).
    public var status: Int32
    /// Everything written to standard output.
    public var output: String
    /// Everything written to standard error.
    public var errorOutput: String

    /// Runs `binary` (the debug `punchplay-mpris` next to the tests by default) with `arguments` and
    /// standard input from `/dev/null`. `environment` is added to this process's, or with
    /// `inheritingEnvironment` false is the whole environment, with a plain `PATH` unless it sets one.
    public static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        inheritingEnvironment: Bool = true,
        binary: String = AgentProcess.executable,
        timeLimit: Duration = .seconds(60)
    ) async throws -> CommandRun {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestSupportError("\(binary) is not built; run `swift build` first")
        }
        let directory = try TemporaryDirectory(prefix: "punchplay-command")
        defer { directory.remove() }
        let outputPath = directory.file("output")
        let errorPath = directory.file("error")
        let process = try ChildProcess(
            binary,
            arguments,
            environment: inheritingEnvironment
                ? environment : environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine },
            inheritingEnvironment: inheritingEnvironment,
            outputPath: outputPath,
            errorPath: errorPath
        )
        let started = ContinuousClock.now
        let status = await process.exited(killingAfter: timeLimit)
        let killedByTheLimit = status == 128 + SIGKILL && ContinuousClock.now - started >= timeLimit
        let run = CommandRun(
            status: status,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        )
        guard !killedByTheLimit else {
            throw TestSupportError(
                """
                \(([binary] + arguments).joined(separator: " ")) was still running after \(timeLimit) and was \
                killed; it had printed: \(run.output) \(run.errorOutput)
                """
            )
        }
        return run
    }
}
