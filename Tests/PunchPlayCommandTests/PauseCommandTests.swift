import Foundation
import TestSupport
import Testing

/// `pause` and `resume` with no agent running: the pause is saved for the next start (and `resume` forgets it);
/// a length `--for` cannot read is refused before anything is saved.
@Suite("pause and resume with no agent running", .timeLimit(.minutes(1)))
struct PauseCommandTests {
    @Test("pause --for 1h30m saves the end for the next start; resume removes it; pause alone lasts until resumed")
    func savedForTheNextStart() async throws {
        let home = try TemporaryDirectory(prefix: "ppm-pause")
        defer { home.remove() }
        let environment = Self.environment(home)
        let file = home.file("state/punchplay-mpris/reporting-paused")

        let before = Date()
        let timed = try await CommandRun.run(["pause", "--for", "1h30m"], environment: environment)
        #expect(timed.status == 0, "\(timed.errorOutput)")
        #expect(timed.output.contains("No agent is running; reporting stays paused until"))
        let saved = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        )
        let until = try #require(saved["until"] as? Double)
        #expect(abs(until - before.timeIntervalSince1970 - 5400) < 60)

        let resumed = try await CommandRun.run(["resume"], environment: environment)
        #expect(resumed.status == 0, "\(resumed.errorOutput)")
        #expect(!FileManager.default.fileExists(atPath: file))

        let open = try await CommandRun.run(["pause"], environment: environment)
        #expect(open.status == 0, "\(open.errorOutput)")
        let untilResumed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        #expect((untilResumed as? [String: Any])?.isEmpty == true, "no end: until resumed")
    }

    @Test(
        "a length --for cannot read is refused and nothing is saved", arguments: ["2x", "0", "h1", "1m1h", "400d", ""])
    func unreadableLength(_ length: String) async throws {
        let home = try TemporaryDirectory(prefix: "ppm-pause")
        defer { home.remove() }
        let run = try await CommandRun.run(["pause", "--for", length], environment: Self.environment(home))
        #expect(run.status != 0)
        #expect(run.errorOutput.contains("--for"))
        #expect(!FileManager.default.fileExists(atPath: home.file("state/punchplay-mpris/reporting-paused")))
    }

    /// A throw-away home whose session bus does not exist, so no agent can answer.
    static func environment(_ home: TemporaryDirectory) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_STATE_HOME": home.file("state"),
            "XDG_CONFIG_HOME": home.file("config"),
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=\(home.file("no-bus"))",
        ]
    }
}
