import Agent
import AgentTestSupport
import BusTestSupport
import DBus
import Foundation
import PunchPlaySandbox
import TestSupport
import Testing

/// The tray icon of the built agent with a real StatusNotifierWatcher (`status-notifier-watcher`) on a private
/// bus: registration, every property, the signals on each change, the menu and each of its actions reaching the
/// agent (pause really stops the reports to the sandbox), a watcher that restarts or is not there yet.
@Suite("the tray icon, end to end", .serialized, .timeLimit(.minutes(3)))
struct TrayEndToEndTests {
    static let playback = RunEndToEndTests.playback

    @Test("registered with the watcher; every property; the menu's actions reach the agent; a watcher restart")
    func registrationPropertiesAndActions() async throws {
        // The watcher is a child process: keep it to restart it.
        let watcherBox = WatcherBox()
        do {
            try await registrationPropertiesAndActions(watcherBox)
        } catch {
            await watcherBox.stop()
            throw error
        }
        await watcherBox.stop()
    }

    private func registrationPropertiesAndActions(_ watcherBox: WatcherBox) async throws {
        try await TrayWorld.with(
            ["run", "--debug"],
            beforeAgent: { bus, connection in
                await watcherBox.set(try await StatusNotifierWatcherProcess.start(on: bus, seenBy: connection))
            }
        ) { world in
            try await world.waitForLines(containing: "tray icon registered with the StatusNotifierWatcher")
            #expect(try await StatusNotifierWatcherProcess.registeredItems(on: world.connection) == [world.agentName])

            _ = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 1, timeout: 20)
            let reporting = try await Self.itemOnceReporting(world)
            #expect(reporting["Category"] == .string("ApplicationStatus"))
            #expect(reporting["Id"] == .string("punchplay-mpris"))
            #expect(reporting["Title"] == .string("PunchPlay"))
            #expect(reporting["Status"] == .string("Active"))
            #expect(reporting["IconThemePath"] == .string(TrayWorld.iconDirectory))
            #expect(reporting["AttentionIconName"] == .string("punchplay-mpris-attention"))
            #expect(reporting["OverlayIconName"] == .string(""))
            #expect(reporting["ItemIsMenu"] == .boolean(true))
            #expect(reporting["Menu"] == .objectPath(TrayBus.menuPath))
            #expect(reporting["ToolTip"]?.signature == "(sa(iiay)ss)")
            let reportingText = Self.toolTipText(reporting)
            #expect(reportingText.hasPrefix("Reporting Big Buck Bunny · ") && reportingText.hasSuffix(" %"))
            #expect(try await world.agentWorld.status().playing.first?.lengthSeconds == 600)
            let menuProperties = try await world.connection.getAllProperties(
                destination: world.agentName, path: TrayBus.menuPath, interface: TrayBus.menuInterface)
            #expect(menuProperties["Version"] == .uint32(3))
            #expect(menuProperties["TextDirection"] == .string("ltr"))
            #expect(menuProperties["Status"] == .string("normal"))
            let menu = try await world.menu()
            #expect(menu.first?.label.hasPrefix("Big Buck Bunny") == true && menu.first?.enabled == false)
            #expect(
                menu.filter(\.enabled).map(\.label) == [
                    "Pause reporting for 1 hour", "Pause until resumed", "Open PunchPlay", "Quit",
                ])
            #expect(menu.map(\.label).contains("Retry failed events (0)"))

            // Pause: the session stops (and PunchPlay refuses that stop for good: a dead letter).
            await world.sandbox.inject(
                SandboxFault(kind: .status, count: 1, pathPrefix: Self.playback + "stop", status: 422))
            try await world.click("Pause until resumed")
            let stopped = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 2, timeout: 20)
            #expect(stopped.map(\.path).last == Self.playback + "stop")
            let attention = try await world.waitForItem(after: "NewStatus") {
                $0["Status"] == .string("NeedsAttention")
            }
            #expect(attention["IconName"] == .string("punchplay-mpris-attention"))
            #expect(Self.toolTipText(attention).contains("1 event(s) refused by PunchPlay"))
            #expect(try await world.menu().contains { $0.label == "Retry failed events (1)" && $0.enabled })

            // Retry: the stop goes again and is accepted; the icon says "paused".
            try await world.click("Retry failed events (1)")
            let paused = try await world.waitForItem(after: "NewStatus") { $0["Status"] == .string("Active") }
            #expect(paused["IconName"] == .string("punchplay-mpris-paused"))
            #expect(Self.toolTipText(paused) == "Reporting paused until you resume")
            let retried = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 3, timeout: 20)
            #expect(retried.map(\.responseStatus) == [200, 422, 200])
            #expect(await world.sandbox.acceptedEvents().map(\.action) == ["start", "stop"])

            // Resume: a new session starts; nothing was reported in between.
            try await world.click("Resume reporting")
            let resumed = try await world.sandbox.waitForRequests(pathPrefix: Self.playback, count: 4, timeout: 20)
            #expect(resumed.map(\.path).last == Self.playback + "start")
            try await world.waitForItem(after: "NewIcon") { $0["IconName"] == .string("punchplay-mpris-reporting") }
            try await world.waitForItem(after: "NewToolTip") { Self.toolTipText($0).hasPrefix("Reporting Big Buck") }
            #expect(await world.sandbox.recordedRequests(pathPrefix: Self.playback).count == 4, "nothing while paused")

            try await world.click("Open PunchPlay")
            let site = try await world.opened.next(timeout: .seconds(20))
            #expect(site.hasPrefix(world.sandbox.baseURL.absoluteString.trimmingCharacters(in: ["/"])), "\(site)")

            // Log out behind the tray's back: attention, and "Log in…" runs the device login, which hands the
            // agent the new login.
            _ = try await world.agentWorld.call(member: "LoggedOut")
            let loggedOut = try await world.waitForItem(after: "NewStatus") {
                $0["Status"] == .string("NeedsAttention")
            }
            #expect(Self.toolTipText(loggedOut).hasPrefix("Login needed"))
            await world.sandbox.setAutoApproveAfterPolls(0)
            try await world.click("Log in…")
            let loginPage = try await world.opened.next(timeout: .seconds(20))
            #expect(loginPage.hasPrefix(world.sandbox.baseURL.absoluteString.trimmingCharacters(in: ["/"])))
            try await world.waitForLines(containing: "The running agent uses the new login now.")
            try await world.waitForItem(after: "NewStatus") { $0["Status"] == .string("Active") }
            #expect(try await world.menu().contains { $0.label == "Log in…" } == false)

            // The watcher restarts: the item is registered with the new one.
            try await watcherBox.restart(on: world.bus, seenBy: world.connection)
            try await world.waitForLines(containing: "tray icon registered with the StatusNotifierWatcher", count: 2)
            #expect(try await StatusNotifierWatcherProcess.registeredItems(on: world.connection) == [world.agentName])

            // Quit: the same graceful shutdown as SIGTERM (the open session is stopped).
            try await world.click("Quit")
            #expect(await world.agent.process.exited(killingAfter: .seconds(20)) == 0)
            #expect(await world.sandbox.acceptedEvents().map(\.action).last == "stop")
        }
    }

    @Test("no watcher: nothing above debug is logged; a watcher that appears later gets the item; dry runs too")
    func watcherAppearsLater() async throws {
        try await TrayWorld.with(["run", "--dry-run", "--debug"]) { world in
            let waiting = try await world.waitForLines(containing: "no tray icon for now")
            #expect(waiting.allSatisfy { $0.contains(" debug ") }, "\(waiting)")
            let watcher = try await StatusNotifierWatcherProcess.start(on: world.bus, seenBy: world.connection)
            do {
                try await world.waitForLines(containing: "tray icon registered with the StatusNotifierWatcher")
                #expect(
                    try await StatusNotifierWatcherProcess.registeredItems(on: world.connection) == [world.agentName])
                let item = try await world.item()
                #expect(Self.toolTipText(item).hasPrefix("Dry run: nothing is sent to PunchPlay"))
                #expect(try await world.menu().contains { $0.label == "Log in…" } == false)
            } catch {
                await watcher.stop()
                throw error
            }
            await watcher.stop()
            let lines = await world.agent.printed()
            var noisy: [String] = []
            for line in lines where Self.mentionsTray(line) && !Self.isDebugOrInfo(line) {
                noisy.append(line)
            }
            #expect(noisy.isEmpty, "\(noisy)")
        }
    }

    @Test("`[desktop] tray = false`: no item is exported")
    func trayOff() async throws {
        try await TrayWorld.with(["run", "--dry-run", "--debug"], extraConfiguration: "[desktop]\ntray = false") {
            world in
            let introspection = try await world.connection.call(
                destination: world.agentName, path: "/", interface: "org.freedesktop.DBus.Introspectable",
                member: "Introspect")
            let xml = try #require(introspection.first?.asString)
            #expect(!xml.contains("StatusNotifierItem") && !xml.contains("MenuBar"), "\(xml)")
        }
    }

    /// The item once it shows the reporting icon (the agent may still be settling).
    @discardableResult
    static func itemOnceReporting(_ world: TrayWorld) async throws -> [String: DBusValue] {
        let now = try await world.item()
        if now["IconName"] == .string("punchplay-mpris-reporting") { return now }
        return try await world.waitForItem(after: "NewIcon") { $0["IconName"] == .string("punchplay-mpris-reporting") }
    }

    /// Whether a log line is about the tray or the watcher.
    static func mentionsTray(_ line: String) -> Bool {
        line.contains("tray") || line.contains("StatusNotifier")
    }

    /// Whether a log line (`TIME LEVEL LABEL: MESSAGE`) is at debug or info level (or is not a log line, such as
    /// the `login` command's output).
    static func isDebugOrInfo(_ line: String) -> Bool {
        let fields = line.split(separator: " ", maxSplits: 2)
        guard fields.count == 3 else { return true }
        return ["trace", "debug", "info"].contains(String(fields[1])) || !fields[0].hasSuffix("Z")
    }

    /// The text field of the `ToolTip` property.
    static func toolTipText(_ item: [String: DBusValue]) -> String {
        guard case .structure(let fields) = item["ToolTip"], fields.count == 4 else { return "" }
        return fields[3].asString ?? ""
    }
}

/// The watcher of a test, kept across the restart the test does.
actor WatcherBox {
    private var watcher: StatusNotifierWatcherProcess?

    func set(_ watcher: StatusNotifierWatcherProcess) {
        self.watcher = watcher
    }

    /// Stops the watcher and starts a new one.
    func restart(on bus: PrivateBus, seenBy connection: DBusConnection) async throws {
        await watcher?.stop()
        watcher = try await StatusNotifierWatcherProcess.start(on: bus, seenBy: connection)
    }

    func stop() async {
        await watcher?.stop()
        watcher = nil
    }
}
