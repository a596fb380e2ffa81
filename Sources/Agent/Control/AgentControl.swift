import DBus
import Foundation
import Logging
import Outbox
import PunchPlay
import Scrobbling

/// The running agent as others see and steer it: keeps `AgentStatus` current and publishes every change as the
/// properties of `tv.punchplay.Mpris1` (one `PropertiesChanged` per change, naming only what changed), and does
/// what the interface's methods ask. `AgentControlInterface` puts it on the bus; `AgentControlService` feeds it
/// the login, delivery and scrobbling state.
actor AgentControl {
    /// What the agent consists of, for the methods to act on.
    struct Parts: Sendable {
        let connection: DBusConnection
        /// Nil for a dry run, which has no login.
        let tokens: TokenLifecycle?
        let delivery: EventDelivery
        let scrobbling: ScrobblingService<SuspendingClock>
        let reloader: ConfigurationReloader
        let pauseFile: ReportingPauseFile
        let notify: @Sendable (String, String) async -> Void
        let now: @Sendable () -> Date
        let logger: Logger
    }

    let parts: Parts
    private(set) var status: AgentStatus
    private var authState: AuthState?
    private var deliveryState = DeliveryState()
    /// The loop's `deadLetteredCount` when the outbox's dead letters were last counted.
    private var countedAtDeadLettered: Int?
    /// The pause (true) or resume (false) last asked of the scrobbling core that its view does not show yet.
    private var requestedPause: Bool?
    /// Who follows the status (the tray), by subscription number.
    private var statusObservers: [Int: AsyncStream<AgentStatus>.Continuation] = [:]
    private var nextObserver = 0

    init(parts: Parts) {
        self.parts = parts
        status = AgentStatus(
            version: AgentVersion.current,
            login: AgentStatus.Login(state: parts.tokens == nil ? .dryRun : .needed, reason: "")
        )
    }

    /// The properties to export before the first change.
    var initialProperties: [String: DBusValue] { status.busProperties }

    /// The status now, then after every change (only the newest is kept for a slow reader).
    func statusUpdates() -> AsyncStream<AgentStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: AgentStatus.self, bufferingPolicy: .bufferingNewest(1))
        let number = nextObserver
        nextObserver += 1
        statusObservers[number] = continuation
        continuation.yield(status)
        continuation.onTermination = { _ in Task { await self.stopObserving(number) } }
        return stream
    }

    private func stopObserving(_ number: Int) {
        statusObservers[number] = nil
    }

    // MARK: State from the agent

    /// Takes the login's present state before the object is exported, so the first reader never sees "needed"
    /// for a login that is there.
    func loadLoginState() async {
        guard let tokens = parts.tokens else { return }
        await authChanged(to: await tokens.currentState())
    }

    /// The token lifecycle changed state.
    func authChanged(to state: AuthState) async {
        authState = state
        let account = (try? await parts.tokens?.currentCredentials())?.username
        await update { status in
            status.account = state == .loggedIn ? account ?? "" : ""
            status.login = Self.login(auth: state, delivery: self.deliveryState)
        }
    }

    /// The delivery loop changed state. The outbox's dead letters are counted again only when the loop made a new
    /// one (or `recountingDeadLetters`, after a retry or purge), not on every state.
    func deliveryChanged(to state: DeliveryState, recountingDeadLetters: Bool = false) async {
        deliveryState = state
        var deadLetters: Int?
        if recountingDeadLetters || state.deadLetteredCount != countedAtDeadLettered {
            countedAtDeadLettered = state.deadLetteredCount
            deadLetters = (try? await parts.delivery.store.snapshot())?.deadLetters.count
        }
        // A newer state may have arrived while the outbox was read: show the newest.
        let latest = deliveryState
        await update { status in
            var queue = Self.queue(latest, deadLetters: deadLetters ?? status.queue.deadLetters)
            queue.diskRefusing = status.queue.diskRefusing
            status.queue = queue
            if let authState = self.authState {
                status.login = Self.login(auth: authState, delivery: latest)
            }
        }
    }

    /// The disk started (true) or stopped (false) refusing to write the outbox.
    func diskRefusalChanged(refusing: Bool) async {
        await update { $0.queue.diskRefusing = refusing }
    }

    /// The scrobbling core's view of the players changed. Its pause is taken over only once it agrees with the
    /// last pause or resume asked of it (a view from before the core handled the request is stale on that
    /// point); a pause that ends while nobody asked is the core ending a timed pause.
    func activityChanged(to activity: ReportingActivity) async {
        let acknowledged = requestedPause.map { $0 == activity.isPaused } ?? true
        if acknowledged { requestedPause = nil }
        let endedByItself = acknowledged && status.reportingPaused && !activity.isPaused
        await update { status in
            status.playing = activity.players.map(AgentStatus.PlayingItem.init(activity:))
            guard acknowledged else { return }
            status.reportingPaused = activity.isPaused
            status.reportingPausedUntil = activity.pausedUntilWallClockMillis.map {
                Date(timeIntervalSince1970: TimeInterval($0) / 1000)
            }
        }
        if endedByItself {
            parts.pauseFile.clear()
            parts.logger.notice("private mode ended: reporting to PunchPlay again")
            await parts.notify("PunchPlay reporting resumed", "What you watch is reported again.")
        }
    }

    // MARK: Methods

    /// `PauseReporting(seconds)`: 0 pauses until `ResumeReporting()`.
    func pauseReporting(seconds: UInt64) async throws {
        let until = seconds == 0 ? nil : parts.now().addingTimeInterval(TimeInterval(min(seconds, 10 * 365 * 86_400)))
        do {
            try parts.pauseFile.save(ReportingPauseFile.Pause(until: until))
        } catch {
            parts.logger.warning("private mode is on but not saved, so it ends if the agent restarts: \(error)")
        }
        await askCoreToPause(until: until)
        let end = until.map { "until \(Self.clockTime($0))" } ?? "until you resume"
        parts.logger.notice("private mode: nothing is reported to PunchPlay \(end)")
        await parts.notify("PunchPlay reporting paused", "Nothing you watch is reported \(end).")
    }

    /// `ResumeReporting()`.
    func resumeReporting() async {
        parts.pauseFile.clear()
        parts.scrobbling.resumeReporting()
        requestedPause = false
        guard status.reportingPaused else { return }
        await update { status in
            status.reportingPaused = false
            status.reportingPausedUntil = nil
        }
        parts.logger.notice("private mode ended: reporting to PunchPlay again")
        await parts.notify("PunchPlay reporting resumed", "What you watch is reported again.")
    }

    /// Puts a pause saved by an earlier run back in force; call before the scrobbling core runs.
    func restoreSavedPause() async {
        guard let pause = parts.pauseFile.load(now: parts.now(), warn: { parts.logger.warning("\($0)") }) else {
            parts.pauseFile.clear()
            return
        }
        await askCoreToPause(until: pause.until)
        let end = pause.until.map { "until \(Self.clockTime($0))" } ?? "until you resume"
        parts.logger.notice("private mode (set before the restart): nothing is reported to PunchPlay \(end)")
    }

    /// `RetryDeadLetters(event_ids)`: how many went back into the queue (all dead letters when `eventIDs` is nil).
    func retryDeadLetters(eventIDs: [String]?) async throws -> Int {
        let moved = try await storage { () async throws(OutboxError) in
            try await parts.delivery.retryDeadLetters(eventIDs: eventIDs)
        }
        await refreshDeadLetters()
        return moved
    }

    /// `PurgeQueue(dead_letters_only)`: how many events and dead letters were deleted.
    func purgeQueue(deadLettersOnly: Bool) async throws -> (events: Int, deadLetters: Int) {
        let deleted = try await storage { () async throws(OutboxError) in
            try await parts.delivery.purge(deadLettersOnly: deadLettersOnly)
        }
        await refreshDeadLetters()
        return deleted
    }

    /// `Reload()`.
    func reload() async throws {
        if case .rejected(let problems) = await parts.reloader.reload() {
            throw DBusError(AgentBus.ErrorName.invalidConfiguration, problems)
        }
    }

    /// `LoggedIn()`: the credential store holds a new login; use it and send what was held.
    func loggedIn() async throws {
        guard let tokens = parts.tokens else { throw DBusError(AgentBus.ErrorName.dryRun, "a dry run has no login") }
        do {
            try await tokens.reloadFromStore()
        } catch {
            throw DBusError(AgentBus.ErrorName.storage, error.message)
        }
        guard await tokens.currentState() == .loggedIn else {
            throw DBusError(AgentBus.ErrorName.noLogin, "the credential store holds no usable login")
        }
        parts.logger.info("found a PunchPlay login: sending the held events")
        try await storage { () async throws(OutboxError) in try await parts.delivery.loginRestored() }
    }

    /// `LoggedOut()`: the user is logging out; stop using the login (events are held until the next login).
    func loggedOut() async throws {
        guard let tokens = parts.tokens else { throw DBusError(AgentBus.ErrorName.dryRun, "a dry run has no login") }
        do {
            try await tokens.forget()
        } catch {
            throw DBusError(AgentBus.ErrorName.storage, error.message)
        }
        parts.logger.info("logged out of PunchPlay: events are kept until the next login")
    }

    // MARK: Helpers

    /// Hands the pause to the scrobbling core and shows it at once.
    private func askCoreToPause(until: Date?) async {
        parts.scrobbling.pauseReporting(untilWallClockMillis: until.map(Self.millis))
        requestedPause = true
        await update { status in
            status.reportingPaused = true
            status.reportingPausedUntil = until
        }
    }

    private func refreshDeadLetters() async {
        await deliveryChanged(to: await parts.delivery.currentState, recountingDeadLetters: true)
    }

    private func storage<Value: Sendable>(_ body: () async throws(OutboxError) -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            throw DBusError(AgentBus.ErrorName.storage, error.description)
        }
    }

    /// Applies `change` and announces the properties it changed.
    private func update(_ change: (inout AgentStatus) -> Void) async {
        let before = status.busProperties
        change(&status)
        let changed = status.busProperties.filter { before[$0.key] != $0.value }
        guard !changed.isEmpty else { return }
        for observer in statusObservers.values { observer.yield(status) }
        do {
            try await parts.connection.setProperties(changed, interface: AgentBus.interface, path: AgentBus.objectPath)
        } catch {
            parts.logger.debug("could not announce the agent's new state on the bus: \(error)")
        }
    }

    static func login(auth: AuthState, delivery: DeliveryState) -> AgentStatus.Login {
        switch auth {
        case .loggedOut:
            return AgentStatus.Login(state: .needed, reason: "Not logged in to PunchPlay.")
        case .loginRequired(let reason):
            return AgentStatus.Login(state: .needed, reason: reason)
        case .loggedIn where delivery.phase == .loginRequired:
            return AgentStatus.Login(state: .held, reason: delivery.lastError ?? "PunchPlay refuses the login.")
        case .loggedIn:
            return AgentStatus.Login(state: .loggedIn)
        }
    }

    static func queue(_ state: DeliveryState, deadLetters: Int) -> AgentStatus.Queue {
        var queue = AgentStatus.Queue(pending: state.pendingCount, deadLetters: deadLetters)
        switch state.phase {
        case .loginRequired:
            queue.holdReason = "login needed"
        case .waiting(let until, let reason):
            queue.nextAttemptAt = Date(timeIntervalSince1970: TimeInterval(until) / 1000)
            switch reason {
            case .backOff: queue.holdReason = "retrying after an error: \(state.lastError ?? "unknown")"
            case .retryAfter: queue.holdReason = "PunchPlay asked to wait"
            case .pacing: queue.holdReason = nil
            }
        case .idle, .sending, .stopped:
            break
        }
        return queue
    }

    private static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    private static func clockTime(_ date: Date) -> String {
        date.formatted(date: .omitted, time: .shortened)
    }
}
