import DBus
import PlaybackModel

/// Watches every MPRIS player on a bus, live and without polling, and reports what happens to them as one
/// ordered `PlayerObservation` stream: the only output of the MPRIS stage.
///
/// `run()` subscribes to `NameOwnerChanged` (the `org.mpris.MediaPlayer2` namespace) and to the signals of the
/// players' MPRIS objects (`PropertiesChanged`, `Seeked`) first and only then lists the players already there,
/// so nothing that happens in between is missed.
/// Each player name gets its own session (see `PlayerSession`), so one player answering slowly, not at all or
/// with nonsense never holds up the others. Observations of one player are in the order they happened.
/// The watcher, its signal loops and the sessions all run on the connection's queue
/// (``DBus/DBusConnection/taskExecutor``): passing a signal along the way wakes no other thread.
/// Given a clock (`uptime`), it stamps each observation with when its cause was read off the bus
/// (`stampedObservations`).
///
/// ```swift
/// let watcher = PlayerWatcher(connection: try await DBusConnection.session())
/// async let running: Void = watcher.run()
/// for await observation in watcher.observations { print(observation) }
/// ```
public actor PlayerWatcher {
    /// Every observation, in order, with when its cause came off the bus (nil without `uptime`); unbounded so
    /// none is ever dropped. Finishes when `run()` returns.
    public nonisolated let stampedObservations: AsyncStream<StampedObservation>
    private let output: AsyncStream<StampedObservation>.Continuation
    private let connection: DBusConnection
    private let reader: PlayerReader
    /// Reads the clock the stamps are on, once for each batch of inputs.
    private let uptime: (@Sendable () -> Duration)?
    /// Sessions created by the actor, started by `run()`'s task group.
    private let newSessions: AsyncStream<PlayerSession>.Continuation
    private let pendingSessions: AsyncStream<PlayerSession>
    private var names = PlayerNameMap()
    private var sessions: [MPRISBusName: PlayerSessionHandle] = [:]
    /// Sessions whose name was released but which are still emitting, by name.
    private var draining: [MPRISBusName: PlayerSessionHandle] = [:]
    private var nextSessionID = 0

    /// Every observation, in order, without its stamp: `stampedObservations` for a reader that keeps no time.
    public nonisolated var observations: some AsyncSequence<PlayerObservation, Never> & Sendable {
        stampedObservations.map(\.observation)
    }

    public nonisolated var unownedExecutor: UnownedSerialExecutor { connection.unownedExecutor }

    /// - Parameters:
    ///   - connection: the bus to watch (the session bus, or a private bus in tests).
    ///   - callTimeout: how long to wait for a player to answer a property read before going on without it.
    ///   - uptime: the clock the observations are stamped on (the scrobbling service's); nil leaves them
    ///     unstamped.
    public init(
        connection: DBusConnection,
        callTimeout: Duration = .seconds(2),
        uptime: (@Sendable () -> Duration)? = nil
    ) {
        self.connection = connection
        self.uptime = uptime
        reader = PlayerReader(connection: connection, timeout: callTimeout)
        (stampedObservations, output) = AsyncStream.makeStream()
        (pendingSessions, newSessions) = AsyncStream.makeStream()
    }

    /// Subscribes, lists the players already on the bus, and follows them until the task is cancelled or the
    /// connection is lost (then every known player is reported as vanished); finishes `observations`.
    /// Call it once per watcher.
    ///
    /// - Throws: `DBusError` when subscribing or listing the bus's names fails.
    public func run() async throws {
        defer { output.finish() }
        let ownerChanges = try await connection.signals(matching: WatcherMatchRules.nameOwnerChanged)
        let playerSignals = try await connection.signalBatches(matching: WatcherMatchRules.playerSignals)
        try await discoverPlayers()
        let queue = connection.taskExecutor
        await withDiscardingTaskGroup { group in
            group.addTask(executorPreference: queue) {
                for await signal in ownerChanges { await self.handleOwnerChange(signal) }
                await self.releaseAll()
            }
            group.addTask(executorPreference: queue) { for await batch in playerSignals { await self.route(batch) } }
            await withDiscardingTaskGroup { sessionGroup in
                for await session in pendingSessions {
                    sessionGroup.addTask(executorPreference: queue) {
                        await session.run()
                        await self.sessionFinished(session.busName, id: session.id)
                    }
                }
            }
            group.cancelAll()
        }
    }

    /// Lists the names already on the bus and asks each player name for its owner; names that vanish
    /// between the two calls are skipped (their `NameOwnerChanged` follows and is a no-op).
    private func discoverPlayers() async throws {
        for name in try await connection.listNames().compactMap(MPRISBusName.init) {
            guard let owner = try? await connection.nameOwner(of: name.rawValue) else { continue }
            setOwner(owner, of: name)
        }
    }

    private func handleOwnerChange(_ signal: DBusSignal) {
        guard signal.arguments.count == 3, let name = signal.arguments[0].text.flatMap(MPRISBusName.init),
            let newOwner = signal.arguments[2].text
        else { return }
        setOwner(newOwner, of: name)
    }

    private func setOwner(_ owner: String, of name: MPRISBusName) {
        switch names.setOwner(owner, of: name) {
        case .unchanged:
            return
        case .appeared:
            startSession(for: name).inputs.yield(batch([.owned(by: owner)]))
        case .replaced:
            sessions[name]?.inputs.yield(batch([.owned(by: owner)]))
        case .vanished:
            guard let session = sessions.removeValue(forKey: name) else { return }
            session.inputs.yield(batch([.released]))
            session.inputs.finish()
            draining[name] = session
        }
    }

    /// Sends the players' `PropertiesChanged` (of the Player interface) and `Seeked` of one read to the sessions
    /// of the names their senders own, one batch a session, in order; other signals from the MPRIS object are not
    /// the watcher's business.
    private func route(_ batch: [DBusSignal]) {
        var inputs: [MPRISBusName: [PlayerSessionInput]] = [:]
        for signal in batch {
            guard let input = Self.sessionInput(for: signal) else { continue }
            for name in names.busNames(ownedBy: signal.sender) {
                inputs[name, default: []].append(input)
            }
        }
        guard !inputs.isEmpty else { return }
        let arrivedAt = uptime?()
        for (name, sessionInputs) in inputs {
            sessions[name]?.inputs.yield(PlayerSessionBatch(inputs: sessionInputs, arrivedAt: arrivedAt))
        }
    }

    /// `inputs` stamped now.
    private func batch(_ inputs: [PlayerSessionInput]) -> PlayerSessionBatch {
        PlayerSessionBatch(inputs: inputs, arrivedAt: uptime?())
    }

    private static func sessionInput(for signal: DBusSignal) -> PlayerSessionInput? {
        switch (signal.interface, signal.member) {
        case (MPRISPaths.playerInterface, "Seeked"):
            return .seeked(signal.arguments.first)
        case (MPRISPaths.propertiesInterface, "PropertiesChanged"):
            guard signal.decodingError == nil, signal.arguments.count == 3,
                let changed = signal.arguments[1].stringKeyedEntries
            else { return .undecodableChange }
            guard signal.arguments[0].text == MPRISPaths.playerInterface else { return nil }
            let invalidated = signal.arguments[2].asArray?.compactMap { $0.text } ?? []
            return .propertiesChanged(changed, invalidated: invalidated)
        default:
            return nil
        }
    }

    private func startSession(for name: MPRISBusName) -> PlayerSessionHandle {
        nextSessionID += 1
        let (inputs, inputContinuation) = AsyncStream.makeStream(of: PlayerSessionBatch.self)
        let (finished, finishedContinuation) = AsyncStream.makeStream(of: Never.self)
        let handle = PlayerSessionHandle(id: nextSessionID, inputs: inputContinuation, finished: finished)
        let session = PlayerSession(
            id: handle.id,
            busName: name,
            reader: reader,
            inputs: inputs,
            output: output,
            predecessor: draining[name]?.finished,
            finished: finishedContinuation
        )
        sessions[name] = handle
        newSessions.yield(session)
        return handle
    }

    private func sessionFinished(_ name: MPRISBusName, id: Int) {
        if draining[name]?.id == id { draining[name] = nil }
    }

    /// The connection is gone: every player is gone for us.
    private func releaseAll() {
        for name in names.busNames { setOwner("", of: name) }
        newSessions.finish()
    }
}
