import AgentTestSupport
import BusTestSupport
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// `punchplay-mpris doctor` on a private bus with a fake mpv and the sandbox.
@Suite("punchplay-mpris doctor", .serialized, .timeLimit(.minutes(1)))
struct DoctorEndToEndTests {
    static func doctor(_ home: AgentHome, bus: PrivateBus) async throws -> (status: Int32, output: String) {
        let outputPath = home.directory.file("doctor-\(UUID().uuidString).out")
        let process = try ChildProcess(
            AgentProcess.executable,
            ["doctor"],
            environment: home.environment(busAddress: bus.address),
            output: .file(outputPath)
        )
        let status = await process.exited()
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    @Test("logged in: every check passes, the player is shown as reported, the account is named")
    func healthy() async throws {
        try await RunEndToEndTests.withPlayingFilm { bus, _, sandbox in
            let home = try AgentHome(sandbox: sandbox, extraConfiguration: "[players.vlc]\nenabled = false")
            defer { home.remove() }
            let tokens = try await home.logIn()
            let result = try await Self.doctor(home, bus: bus)
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("ok    configuration: valid"))
            #expect(result.output.contains("ok    session bus: connected"))
            #expect(result.output.contains("warn  agent: not running in this session"))
            #expect(result.output.contains("ok    player mpv: reported (org.mpris.MediaPlayer2.mpv)"))
            #expect(result.output.contains("ok    client id: \(SandboxApp.agentClientID) (from the configuration)"))
            #expect(result.output.contains("ok    connection and token: logged in as sandbox"))
            #expect(result.output.contains("ok    outbox"))
            #expect(!result.output.contains(tokens.accessToken))
        }
    }

    @Test("not logged in and a typo in the configuration: each failure says how to fix it, exit status 1")
    func failures() async throws {
        try await RunEndToEndTests.withPlayingFilm { bus, _, sandbox in
            let home = try AgentHome(sandbox: sandbox)
            defer { home.remove() }
            let loggedOut = try await Self.doctor(home, bus: bus)
            #expect(loggedOut.status == 1)
            #expect(loggedOut.output.contains("FAIL  login: not logged in\n      fix: run `punchplay-mpris login`"))

            try home.writeConfiguration("[players.mpv]\nsettle_milliseconds = 5")
            let broken = try await Self.doctor(home, bus: bus)
            #expect(broken.status == 1)
            #expect(broken.output.contains("FAIL  configuration:"))
            #expect(broken.output.contains("settle_milliseconds"))
            #expect(broken.output.contains("fix: correct the keys named above"))

            try "[punchplay]\ncredential_store = \"file\"\n".write(
                toFile: home.configFile, atomically: true, encoding: .utf8)
            let noClientID = try await Self.doctor(home, bus: bus)
            #expect(noClientID.status == 1)
            #expect(
                noClientID.output.contains(
                    "FAIL  client id: none: set client_id under [punchplay] in \(home.configFile)\n"
                        + "      fix: add `client_id` under `[punchplay]` in \(home.configFile), "
                        + "or install a package with one built in"))
        }
    }
}
