import Foundation
import TestSupport
import Testing

/// The command runner the CLI tests share: it must report a stuck command instead of hanging the suite.
@Suite("running a built command for a test")
struct CommandRunTests {
    @Test("output and errors are kept apart, and the exit status is the command's")
    func separatesOutputs() async throws {
        let run = try await CommandRun.run(
            ["-c", "echo out; echo err >&2; exit 3"],
            binary: "/bin/sh"
        )
        #expect(run.status == 3)
        #expect(run.output == "out\n")
        #expect(run.errorOutput == "err\n")
    }

    @Test("a command still running at its time limit is killed and reported with what it printed")
    func killsAStuckCommand() async throws {
        let started = ContinuousClock.now
        await #expect {
            _ = try await CommandRun.run(
                ["-c", "echo still going; exec sleep 600"],
                binary: "/bin/sh",
                timeLimit: .milliseconds(500)
            )
        } throws: { error in
            "\(error)".contains("was killed") && "\(error)".contains("still going")
        }
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
