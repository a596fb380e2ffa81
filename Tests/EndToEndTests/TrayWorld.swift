import Agent
import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import MPRISTestSupport
import PunchPlaySandbox
import TestSupport
import Testing

/// The agent with its tray icon on a private bus, seen from a connection of the test's own as a tray host sees
/// it: the item's properties and signals, the menu, clicks; `xdg-open` is a stand-in that writes the address it
/// was given to `opened`. The agent's own interface is reached through `agentWorld` (and its members directly).
@dynamicMemberLookup
struct TrayWorld {
    let agentWorld: AgentWorld
    /// The agent's unique name, where the item and the menu are.
    let agentName: String
    let itemSignals: StreamRecorder<DBusSignal>
    let menuSignals: StreamRecorder<DBusSignal>
    /// Every address given to `xdg-open`, in order.
    let opened: StreamRecorder<String>

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let iconDirectory = repositoryRoot.appendingPathComponent("packaging/icons").path

    /// Runs `body` with the agent started (`arguments`, with `--debug`: its debug lines say when every service
    /// has started), a fake mpv playing a film and, when `beforeAgent` starts one, a watcher; `extraConfiguration`
    /// is added to the agent's configuration.
    static func with(
        _ arguments: [String],
        extraConfiguration: String = "",
        beforeAgent: @escaping (PrivateBus, DBusConnection) async throws -> Void = { _, _ in },
        _ body: (TrayWorld) async throws -> Void
    ) async throws {
        try await PrivateBus.with { bus in
            try await PunchPlaySandbox.withRunning { sandbox in
                let home = try AgentHome(sandbox: sandbox, extraConfiguration: extraConfiguration)
                defer { home.remove() }
                try await home.logIn()
                let connection = try await bus.connect()
                let player = try await FakePlayer.start(on: bus.address, name: "mpv", identity: "mpv")
                let openedPipe = try FIFOLineReader(path: home.directory.file("xdg-open.fifo"))
                // Held open for writing, so the pipe stays open between two `xdg-open` runs.
                let keepOpen = open(openedPipe.path, O_RDWR)
                defer { close(keepOpen) }
                do {
                    try await player.setMetadata(RunEndToEndTests.film)
                    try await player.setStatus(.playing)
                    let environment = home.environment(busAddress: bus.address).merging(
                        [
                            "PATH": try fakeXDGOpen(in: home, writingTo: openedPipe.path) + ":"
                                + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                            "PUNCHPLAY_MPRIS_ICON_THEME_PATH": iconDirectory,
                        ],
                        uniquingKeysWith: { _, new in new })
                    let changes = StreamRecorder(
                        try await connection.signals(
                            matching: MatchRule(
                                interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged",
                                path: AgentBus.objectPath)))
                    let itemSignals = StreamRecorder(
                        try await connection.signals(matching: MatchRule(interface: TrayBus.itemInterface)))
                    let menuSignals = StreamRecorder(
                        try await connection.signals(matching: MatchRule(interface: TrayBus.menuInterface)))
                    try await beforeAgent(bus, connection)
                    try await AgentProcess.with(arguments, environment: environment, in: home) { agent in
                        try await agent.waitForLine(containing: "watching media players on the session bus")
                        // Every service has started (a SIGTERM while the sleep service still looks for the system
                        // bus makes the agent exit 1: an older race of the runtime, not the tray's).
                        _ = try await agent.output.next(timeout: .seconds(20)) { $0.contains("sleep and wake") }
                        let world = TrayWorld(
                            agentWorld: AgentWorld(
                                bus: bus, sandbox: sandbox, player: player, home: home, agent: agent,
                                connection: connection, changes: changes),
                            agentName: try await connection.nameOwner(of: AgentBus.name),
                            itemSignals: itemSignals, menuSignals: menuSignals, opened: StreamRecorder(openedPipe.lines)
                        )
                        do {
                            try await body(world)
                        } catch {
                            let log = await agent.printed().suffix(40).joined(separator: "\n")
                            throw TestSupportError("\(error)\nthe agent's last lines:\n\(log)")
                        }
                        if agent.process.isRunning {
                            let status = await agent.terminate()
                            let log = await agent.printed().suffix(20).joined(separator: "\n")
                            #expect(status == 0, "the agent's last lines:\n\(log)")
                        }
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

    /// Writes an `xdg-open` that sends its arguments to `pipe` as one line; returns its directory.
    private static func fakeXDGOpen(in home: AgentHome, writingTo pipe: String) throws -> String {
        let directory = home.directory.file("bin")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = directory + "/xdg-open"
        try "#!/bin/sh\nprintf '%s\\n' \"$*\" >'\(pipe)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return directory
    }

    /// Every property of the item, unwrapped.
    func item() async throws -> [String: DBusValue] {
        try await self.connection.getAllProperties(
            destination: agentName, path: TrayBus.itemPath, interface: TrayBus.itemInterface)
    }

    /// The item's properties after the next `member` signal (`NewIcon`, `NewStatus`, ...) after which
    /// `condition` holds.
    @discardableResult
    func waitForItem(
        after member: String,
        _ condition: @escaping @Sendable ([String: DBusValue]) -> Bool
    ) async throws -> [String: DBusValue] {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            _ = try await itemSignals.next(timeout: deadline - .now) { $0.member == member }
            let properties = try await item()
            if condition(properties) { return properties }
        }
        throw TestSupportError("no \(member) led to the expected item state")
    }

    /// The menu's entries but the separators as (id, label, enabled), from `GetLayout`.
    func menu() async throws -> [(id: Int32, label: String, enabled: Bool)] {
        let reply = try await self.connection.call(
            destination: agentName, path: TrayBus.menuPath, interface: TrayBus.menuInterface, member: "GetLayout",
            arguments: [.int32(0), .int32(-1), .stringArray([])])
        guard reply.count == 2, case .structure(let root) = reply[1], root.count == 3, let children = root[2].asArray
        else { throw TestSupportError("GetLayout answered \(reply)") }
        return children.compactMap { child in
            guard case .structure(let fields) = child.unwrappedVariant, case .int32(let id) = fields[0],
                let properties = fields[1].asStringDictionary, properties["type"]?.asString != "separator"
            else { return nil }
            return (id, properties["label"]?.asString ?? "", properties["enabled"]?.asBool ?? true)
        }
    }

    /// Clicks the menu entry labelled `label` (as a host does: `Event(id, "clicked", 0, time)`).
    func click(_ label: String) async throws {
        guard let entry = try await menu().first(where: { $0.label == label }) else {
            throw TestSupportError("no menu entry \(label)")
        }
        _ = try await self.connection.call(
            destination: agentName, path: TrayBus.menuPath, interface: TrayBus.menuInterface, member: "Event",
            arguments: [.int32(entry.id), .string("clicked"), .variant(.int32(0)), .uint32(0)])
    }

    /// The agent's lines containing `text` once there are `count` of them, whenever they were printed.
    @discardableResult
    func waitForLines(containing text: String, count: Int = 1) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let found = await agentWorld.agent.printed().filter { $0.contains(text) }
            if found.count >= count { return found }
            guard ContinuousClock.now < deadline else {
                throw TestSupportError("the agent printed \(found.count) of \(count) line(s) containing \(text)")
            }
            _ = try await agentWorld.agent.output.next(timeout: deadline - .now)
        }
    }

    subscript<Value>(dynamicMember member: KeyPath<AgentWorld, Value>) -> Value {
        agentWorld[keyPath: member]
    }
}
