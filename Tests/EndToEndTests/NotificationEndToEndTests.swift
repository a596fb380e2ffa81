import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// Desktop notifications from the running agent, received by a stand-in notification daemon on the bus.
@Suite("punchplay-mpris run notifications", .serialized, .timeLimit(.minutes(1)))
struct NotificationEndToEndTests {
    /// Serves `org.freedesktop.Notifications` and records each `Notify` call as "summary: body".
    static func serveNotifications(on connection: DBusConnection) async throws -> StreamRecorder<String> {
        let (calls, continuation) = AsyncStream<String>.makeStream()
        try await connection.export(
            path: "/org/freedesktop/Notifications",
            interfaces: [
                DBusInterface(
                    name: "org.freedesktop.Notifications",
                    methods: [
                        "Notify": { call in
                            let text = call.arguments.count > 4 ? call.arguments[3...4].compactMap(\.asString) : []
                            continuation.yield(text.joined(separator: ": "))
                            return [.uint32(1)]
                        }
                    ]
                )
            ]
        )
        try await connection.requestName("org.freedesktop.Notifications")
        return StreamRecorder(calls)
    }

    @Test("without a login the user is told once; with notify_now_watching each start is announced")
    func loginNeededAndNowWatching() async throws {
        try await RunEndToEndTests.withPlayingFilm { bus, _, sandbox in
            try await bus.withConnection { daemon in
                let notifications = try await Self.serveNotifications(on: daemon)
                let home = try AgentHome(sandbox: sandbox, extraConfiguration: "[log]\nnotify_now_watching = true")
                defer { home.remove() }
                try await AgentProcess.with(
                    ["run"],
                    environment: home.environment(busAddress: bus.address),
                    in: home
                ) { agent in
                    let seen = [try await notifications.next(), try await notifications.next()]
                    #expect(seen.contains("Now watching: Big Buck Bunny"))
                    #expect(seen.contains { $0.hasPrefix("PunchPlay login needed: Run `punchplay-mpris login`") })
                    #expect(await agent.terminate() == 0)
                }
            }
        }
    }

    @Test("login shows its code as a notification, then replaces it with who logged in")
    func loginCode() async throws {
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                await sandbox.setAutoApproveAfterPolls(1)
                try await bus.withConnection { daemon in
                    let notifications = try await Self.serveNotifications(on: daemon)
                    let home = try AgentHome(sandbox: sandbox)
                    defer { home.remove() }
                    try await AgentProcess.with(
                        ["login"],
                        environment: home.environment(busAddress: bus.address),
                        in: home
                    ) { login in
                        let printed = try await login.waitForLine(containing: "enter the code: ")
                        let code = try #require(printed.split(separator: " ").last.map(String.init))
                        let shown = try await notifications.next()
                        #expect(
                            shown
                                == "Log in to PunchPlay: Enter the code \(code) at \(sandbox.baseURL.absoluteString)/activate"
                        )
                        // The agent polls every 5 s (the contract names no interval) and the sandbox approves
                        // on the second poll, so this comes about 10 s after the code: well inside 30 s.
                        let loggedIn = try await notifications.next(timeout: .seconds(30))
                        #expect(loggedIn == "Logged in to PunchPlay: as sandbox (Sandbox User)")
                        #expect(await login.process.exited() == 0)
                    }
                }
            }
        }
    }
}
