import Agent
import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// The built `punchplay-mpris run` serving `tv.punchplay.Mpris` on a private bus, called as a desktop, a tray or
/// `busctl` would: introspection, every property, every method, `PropertiesChanged` on each change, callers of
/// another user refused, and one agent per session.
@Suite("the agent's D-Bus interface, end to end", .serialized, .timeLimit(.minutes(2)))
struct AgentBusEndToEndTests {
    static let playback = RunEndToEndTests.playback

    /// The agent, logged in, on a private bus with a fake mpv playing `film`; `body` gets a connection of its own
    /// subscribed to the agent's `PropertiesChanged`.
    static func withAgent(
        allowingAnyUser: Bool = false,
        _ body: (AgentWorld) async throws -> Void
    ) async throws {
        try await PrivateBus.with(allowingAnyUser: allowingAnyUser) { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let player = try await FakePlayer.start(on: bus.address, name: "mpv", identity: "mpv")
                try await player.setMetadata(RunEndToEndTests.film)
                try await player.setStatus(.playing)
                let home = try AgentHome(sandbox: sandbox)
                defer { home.remove() }
                try await home.logIn()
                let connection = try await bus.connect()
                do {
                    let changes = StreamRecorder(
                        try await connection.signals(
                            matching: MatchRule(
                                interface: "org.freedesktop.DBus.Properties",
                                member: "PropertiesChanged",
                                path: AgentBus.objectPath
                            )
                        )
                    )
                    try await AgentProcess.with(
                        ["run", "--debug"],
                        environment: home.environment(busAddress: bus.address),
                        in: home
                    ) { agent in
                        try await agent.waitForLine(containing: "watching media players on the session bus")
                        do {
                            try await body(
                                AgentWorld(
                                    bus: bus, sandbox: sandbox, player: player, home: home, agent: agent,
                                    connection: connection, changes: changes
                                )
                            )
                        } catch {
                            let log = await agent.printed().suffix(40).joined(separator: "\n")
                            throw TestSupportError("\(error)\nthe agent's last lines:\n\(log)")
                        }
                        #expect(await agent.terminate() == 0)
                    }
                } catch {
                    await connection.close()
                    await player.vanish()
                    throw error
                }
                await connection.close()
                await player.vanish()
            }
        }
    }

    @Test("introspection declares every member with its types; the properties say what the agent sees")
    func introspectionAndProperties() async throws {
        try await Self.withAgent { world in
            let started = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
            #expect(started.map(\.path) == [Self.playback + "start"])
            let reply = try await world.call(
                interface: "org.freedesktop.DBus.Introspectable",
                member: "Introspect"
            )
            let xml = try #require(reply.first?.asString)
            for line in Self.expectedInterfaceLines {
                #expect(xml.contains(line), "introspection lacks \(line)")
            }
            let status = try await world.settledStatus {
                $0.playing.first?.state == .reporting && $0.queue.pending == 0
            }
            #expect(status.version == AgentVersion.current)
            #expect(status.account == "sandbox")
            #expect(status.login == AgentStatus.Login(state: .loggedIn))
            #expect(!status.reportingPaused && status.reportingPausedUntil == nil)
            let item = try #require(status.playing.first)
            #expect(item.busName == "org.mpris.MediaPlayer2.mpv" && item.player == "mpv" && item.status == "Playing")
            #expect(item.title == "Big Buck Bunny" && item.kind == "movie")
            let session = try #require(await world.sandbox.acceptedEvents().first?.sessionID)
            #expect(item.sessionID == session)
            #expect(status.queue == AgentStatus.Queue(pending: 0, deadLetters: 0))
            let doctor = try await CommandRun.run(
                ["doctor"],
                environment: world.home.environment(busAddress: world.bus.address)
            )
            #expect(doctor.output.contains("ok    agent: running (\(AgentVersion.current)), 0 event(s) queued"))
        }
    }

    @Test("each change is announced; pause and resume reporting stop and restart the session; login changes")
    func methodsAndChanges() async throws {
        try await Self.withAgent { world in
            _ = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
            try await world.player.setStatus(.paused)
            try await world.waitForChange(AgentStatus.Property.playing) { status in
                status.playing.first?.status == "Paused"
            }
            _ = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 2, timeout: 20)

            _ = try await world.call(member: "PauseReporting", [.uint64(0)])
            let paused = try await world.waitForChange(AgentStatus.Property.reportingPaused) { $0.reportingPaused }
            #expect(paused.reportingPausedUntil == nil)
            let stopped = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 3, timeout: 20)
            #expect(stopped.map(\.path).last == Self.playback + "stop")
            try await world.player.setStatus(.playing)
            try await world.waitForChange(AgentStatus.Property.playing) { $0.playing.first?.state == .paused }
            _ = try await world.call(member: "ResumeReporting")
            try await world.waitForChange(AgentStatus.Property.reportingPaused) { !$0.reportingPaused }
            let restarted = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 4, timeout: 20)
            #expect(restarted.map(\.path).last == Self.playback + "start")
            let sessions = await world.sandbox.acceptedEvents().map(\.sessionID)
            #expect(Set(sessions).count == 2, "resuming opens a new session")
            #expect(await world.sandbox.recordedRequests(pathPrefix: Self.playback).count == 4, "nothing while paused")

            _ = try await world.call(member: "PauseReporting", [.uint64(3600)])
            let timed = try await world.waitForChange(AgentStatus.Property.reportingPausedUntil) {
                $0.reportingPausedUntil != nil
            }
            let end = try #require(timed.reportingPausedUntil).timeIntervalSinceNow
            #expect(end > 3500 && end <= 3601)
            _ = try await world.call(member: "ResumeReporting")
            try await world.waitForChange(AgentStatus.Property.reportingPaused) { !$0.reportingPaused }

            _ = try await world.call(member: "LoggedOut")
            let loggedOut = try await world.waitForChange(AgentStatus.Property.loginState) {
                $0.login.state == .needed
            }
            #expect(loggedOut.account.isEmpty)
            try await world.home.logIn()
            _ = try await world.call(member: "LoggedIn")
            try await world.waitForChange(AgentStatus.Property.loginState) { $0.login.state == .loggedIn }

            #expect(try await world.call(member: "RetryDeadLetters", [.stringArray([])]) == [.uint32(0)])
            #expect(try await world.call(member: "PurgeQueue", [.boolean(true)]) == [.uint32(0), .uint32(0)])
            #expect(try await world.call(member: "Reload").isEmpty)
            try "[defaults]\nsettle_ms = \"soon\"\n".write(
                toFile: world.home.configFile, atomically: true, encoding: .utf8)
            let rejected = try await #require(throws: DBusError.self) { try await world.call(member: "Reload") }
            #expect(rejected.name == AgentBus.ErrorName.invalidConfiguration)
            #expect(rejected.message.contains("settle_ms"))
            let wrong = try await #require(throws: DBusError.self) {
                try await world.call(member: "PauseReporting", [.string("an hour")])
            }
            #expect(wrong.name == .invalidArgs)
        }
    }

    @Test(
        "a caller running as another user may read but not steer the agent",
        .enabled(if: geteuid() == 0, "needs root to run the caller as nobody")
    )
    func otherUsersAreRefused() async throws {
        try await Self.withAgent(allowingAnyUser: true) { world in
            let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "dbus-send"]
            let target = [
                "--bus=\(world.bus.address)", "--print-reply", "--dest=\(AgentBus.name)", AgentBus.objectPath,
            ]
            let steer = try await CommandRun.run(
                asNobody + target + ["\(AgentBus.interface).PauseReporting", "uint64:0"],
                binary: "/usr/bin/setpriv"
            )
            #expect(steer.status != 0)
            #expect(steer.errorOutput.contains("org.freedesktop.DBus.Error.AccessDenied"), "\(steer.errorOutput)")
            let read = try await CommandRun.run(
                asNobody + target + [
                    "org.freedesktop.DBus.Properties.Get", "string:\(AgentBus.interface)", "string:Version",
                ],
                binary: "/usr/bin/setpriv"
            )
            #expect(read.status == 0, "\(read.errorOutput)")
            #expect(read.output.contains(AgentVersion.current))
            #expect(try await world.status().reportingPaused == false, "the refused call changed nothing")
        }
    }

    @Test("a second agent in the same session says so and exits non-zero; the first keeps its name")
    func secondAgentIsRefused() async throws {
        try await Self.withAgent { world in
            let second = try await CommandRun.run(
                ["run"],
                environment: world.home.environment(busAddress: world.bus.address),
                timeLimit: .seconds(30)
            )
            #expect(second.status == 1)
            #expect(second.errorOutput.contains("another punchplay-mpris agent is already running"))
            #expect(try await world.status().version == AgentVersion.current)
        }
    }

    @Test("`logout` beside the agent: the agent lets go first and holds events; `login` hands it the new login at once")
    func logoutAndLoginBesideTheAgent() async throws {
        try await Self.withAgent { world in
            _ = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
            let environment = world.home.environment(busAddress: world.bus.address)
            let logout = try await CommandRun.run(["logout"], environment: environment)
            #expect(logout.status == 0, "\(logout.errorOutput)")
            #expect(logout.output.contains("the login was revoked at PunchPlay"))
            try await world.waitForChange(AgentStatus.Property.loginState) { $0.login.state == .needed }

            try await world.player.setStatus(.paused)
            try await world.agent.waitForLine(containing: "not logged in to PunchPlay")
            #expect(await world.sandbox.recordedRequests(pathPrefix: Self.playback + "pause").isEmpty, "held")

            await world.sandbox.setAutoApproveAfterPolls(0)
            let login = try await CommandRun.run(["login"], environment: environment)
            #expect(login.status == 0, "\(login.errorOutput)")
            #expect(login.output.contains("The running agent uses the new login now."))
            let paused = try await world.sandbox.waitForRequests(
                pathPrefix: Self.playback + "pause", count: 1, timeout: 20)
            #expect(paused.map(\.responseStatus) == [200])
            #expect(try await world.status().login.state == .loggedIn)
            #expect(await world.sandbox.refreshStatistics().reuseDetections == 0)
        }
    }

    static let expectedInterfaceLines = [
        #"<interface name="tv.punchplay.Mpris1">"#,
        #"<method name="PauseReporting"><arg name="seconds" type="t" direction="in"/></method>"#,
        #"<method name="ResumeReporting"/>"#,
        #"<method name="RetryDeadLetters"><arg name="event_ids" type="as" direction="in"/>"#
            + #"<arg name="retried" type="u" direction="out"/></method>"#,
        #"<method name="PurgeQueue"><arg name="dead_letters_only" type="b" direction="in"/>"#
            + #"<arg name="events" type="u" direction="out"/><arg name="dead_letters" type="u" direction="out"/>"#
            + "</method>",
        #"<method name="Reload"/>"#,
        #"<method name="LoggedIn"/>"#,
        #"<method name="LoggedOut"/>"#,
        #"<property name="Version" type="s" access="read"/>"#,
        #"<property name="Account" type="s" access="read"/>"#,
        #"<property name="LoginState" type="(ss)" access="read"/>"#,
        #"<property name="Playing" type="aa{sv}" access="read"/>"#,
        #"<property name="Queue" type="a{sv}" access="read"/>"#,
        #"<property name="ReportingPaused" type="b" access="read"/>"#,
        #"<property name="ReportingPausedUntil" type="x" access="read"/>"#,
    ]
}

/// One running agent and what a test reaches it with.
struct AgentWorld {
    let bus: PrivateBus
    let sandbox: PunchPlaySandbox
    let player: FakePlayer
    let home: AgentHome
    let agent: AgentProcess
    let connection: DBusConnection
    let changes: StreamRecorder<DBusSignal>

    /// Calls a member of the agent's object (its own interface unless told otherwise).
    func call(
        interface: String = AgentBus.interface,
        member: String,
        _ arguments: [DBusValue] = []
    ) async throws -> [DBusValue] {
        try await connection.call(
            destination: AgentBus.name,
            path: AgentBus.objectPath,
            interface: interface,
            member: member,
            arguments: arguments,
            timeout: .seconds(10)
        )
    }

    /// The agent's properties now.
    func status() async throws -> AgentStatus {
        try AgentStatus(
            busProperties: try await connection.getAllProperties(
                destination: AgentBus.name,
                path: AgentBus.objectPath,
                interface: AgentBus.interface
            )
        )
    }

    /// The properties once `condition` holds: at once if it holds now, else after the `PropertiesChanged` that
    /// makes it hold (the agent may still be settling).
    func settledStatus(_ condition: @escaping @Sendable (AgentStatus) -> Bool) async throws -> AgentStatus {
        let current = try await status()
        if condition(current) { return current }
        return try await waitForChange(nil, condition)
    }

    /// Waits for a `PropertiesChanged` that names `property` (any property when nil) and after which
    /// `condition` holds of the properties; returns them.
    @discardableResult
    func waitForChange(
        _ property: String?,
        _ condition: @escaping @Sendable (AgentStatus) -> Bool
    ) async throws -> AgentStatus {
        let deadline = ContinuousClock.now + .seconds(20)
        var properties = try await connection.getAllProperties(
            destination: AgentBus.name,
            path: AgentBus.objectPath,
            interface: AgentBus.interface
        )
        while ContinuousClock.now < deadline {
            let signal = try await changes.next(timeout: deadline - .now)
            guard signal.arguments.first?.asString == AgentBus.interface,
                let changed = signal.arguments.dropFirst().first?.asStringDictionary
            else { continue }
            properties.merge(changed.mapValues(\.unwrappedVariant)) { _, new in new }
            let status = try AgentStatus(busProperties: properties)
            if property.map({ changed[$0] != nil }) ?? true, condition(status) { return status }
        }
        throw TestSupportError("no PropertiesChanged of \(property ?? "any property") reached the expected state")
    }
}
