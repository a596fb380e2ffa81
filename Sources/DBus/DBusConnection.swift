import Dispatch

/// A private connection to a message bus: method calls with timeouts, signal subscriptions, and exported objects.
///
/// Every libdbus call for the connection runs on the actor's own serial queue, which sleeps on the socket until
/// something arrives (no polling; the calls' time-out timer fires at most once after the last call, see
/// ``CallExpiry``). Losing the bus never exits the process — pending calls fail with
/// ``DBusErrorName/disconnected`` and signal streams finish.
///
/// A connection lives until ``close()``: libdbus holds callbacks into it, so one that is never closed is never
/// freed.
///
/// ```swift
/// let bus = try await DBusConnection.session()
/// let names = try await bus.listNames()
/// await bus.close()
/// ```
public actor DBusConnection {
    /// How long ``call(destination:path:interface:member:arguments:timeout:)`` waits by default (libdbus's own).
    public static let defaultTimeout: Duration = .seconds(25)

    let executor: QueueExecutor
    var handle: ConnectionHandle?
    /// The unique name (`:1.42`) the bus assigned to this connection.
    public private(set) var uniqueName = ""
    var pendingCalls: [UInt32: PendingCall] = [:]
    var callExpiry: CallExpiry?
    var subscriptions: [UInt64: SignalSubscription] = [:]
    /// Signals of the current read for ``signalBatches(matching:)`` subscribers, by subscription.
    var pendingBatches: [UInt64: [PendingSignal]] = [:]
    /// The run of `PropertiesChanged` the last signal of a flooded read went to, which the next may extend.
    var openPropertyChangeRun: PropertyChangeRun?
    var exportedObjects: [String: ExportedObject] = [:]
    var handlerTasks: [UInt64: Task<Void, Never>] = [:]
    var nextIdentifier: UInt64 = 0

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// The connection's queue as a task executor, for the tasks that consume its signal streams: a signal
    /// yielded to a task waiting there resumes it on the queue already running, where a task on the global
    /// executor would be a wake-up of another thread (several per signal when a player floods the bus).
    public nonisolated var taskExecutor: any TaskExecutor { executor }

    private init(executor: QueueExecutor) {
        self.executor = executor
    }

    /// Opens a private connection to the session bus (`DBUS_SESSION_BUS_ADDRESS`).
    ///
    /// Blocking: connecting, authenticating and `Hello` block the connection's own queue, never the caller's
    /// thread. Throws the libdbus error (such as ``DBusErrorName/badAddress``) when the bus cannot be reached.
    public static func session() async throws -> DBusConnection {
        try await open(.session)
    }

    /// Opens a private connection to the system bus.
    public static func system() async throws -> DBusConnection {
        try await open(.system)
    }

    /// Opens a private connection to the bus at `address` (such as `unix:path=/tmp/bus`).
    public static func connect(address: String) async throws -> DBusConnection {
        try await open(.address(address))
    }

    private static func open(_ target: ConnectionHandle.Target) async throws -> DBusConnection {
        let connection = DBusConnection(executor: QueueExecutor(label: "DBusConnection"))
        try await connection.start(target)
        return connection
    }

    private func start(_ target: ConnectionHandle.Target) throws {
        let handle = try ConnectionHandle(opening: target, queue: executor.queue)
        self.handle = handle
        uniqueName = handle.uniqueName
        handle.onMessage = { message in self.route(message) }
        handle.onReadDispatched = { self.flushSignalBatches() }
        handle.start()
    }

    /// Whether the connection is open and the bus is still there.
    public var isConnected: Bool { handle?.isConnected ?? false }

    /// Closes the connection: pending calls fail, signal streams finish, running method handlers are cancelled.
    public func close() {
        guard let handle else { return }
        failEverything(DBusError(.disconnected, "the connection was closed"))
        handle.close()
        self.handle = nil
    }

    /// Calls a method and returns the reply's values.
    ///
    /// - Throws: ``DBusError`` with the peer's error name, ``DBusErrorName/timeout`` when no reply arrives within
    ///   `timeout`, ``DBusErrorName/noReply`` when the peer leaves without answering, ``DBusErrorName/disconnected``
    ///   when the bus goes away, ``DBusErrorName/invalidArgs`` for names or values that cannot be sent; and
    ///   `CancellationError` when the calling task is cancelled.
    public func call(
        destination: String,
        path: String,
        interface: String,
        member: String,
        arguments: [DBusValue] = [],
        timeout: Duration = defaultTimeout
    ) async throws -> [DBusValue] {
        let message = try Message.methodCall(destination: destination, path: path, interface: interface, member: member)
        try message.append(arguments)
        return try await send(message, timeout: timeout)
    }

    func send(_ message: Message, timeout: Duration) async throws -> [DBusValue] {
        let identifier = makeIdentifier()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                register(message, identifier: identifier, timeout: timeout, continuation: continuation)
            }
        } onCancel: {
            executor.queue.async {
                self.assumeIsolated { connection in connection.cancelCall(identifier) }
            }
        }
    }

    private func register(
        _ message: Message,
        identifier: UInt64,
        timeout: Duration,
        continuation: CheckedContinuation<[DBusValue], any Error>
    ) {
        guard !Task.isCancelled else { return continuation.resume(throwing: CancellationError()) }
        let serial: UInt32
        do {
            serial = try requireHandle().send(message)
        } catch {
            return continuation.resume(throwing: error)
        }
        let deadline = DispatchTime.now() + timeout.dispatchInterval
        pendingCalls[serial] = PendingCall(
            identifier: identifier, continuation: continuation, deadline: deadline, timeout: timeout)
        expiringCalls().arm(for: deadline)
    }

    /// The connection's call timer, made on first use.
    private func expiringCalls() -> CallExpiry {
        if let callExpiry { return callExpiry }
        let expiry = CallExpiry(queue: executor.queue) { [unowned self] in
            self.assumeIsolated { connection in connection.expireCalls() }
        }
        callExpiry = expiry
        return expiry
    }

    /// Fails the calls whose time is up and arms the timer for the next deadline, if a call still waits.
    private func expireCalls() {
        let now = DispatchTime.now()
        for (serial, call) in pendingCalls where call.deadline <= now {
            finishCall(serial, .failure(DBusError(.timeout, "no reply within \(call.timeout)")))
        }
        if let next = pendingCalls.values.map(\.deadline).min() { callExpiry?.arm(for: next) }
    }

    private func cancelCall(_ identifier: UInt64) {
        guard let serial = pendingCalls.first(where: { $0.value.identifier == identifier })?.key else { return }
        finishCall(serial, .failure(CancellationError()))
    }

    func finishCall(_ serial: UInt32, _ result: Result<[DBusValue], any Error>) {
        guard let call = pendingCalls.removeValue(forKey: serial) else { return }
        call.continuation.resume(with: result)
    }

    func requireHandle() throws -> ConnectionHandle {
        guard let handle, handle.isConnected else {
            throw DBusError(.disconnected, "the connection to the bus is closed")
        }
        return handle
    }

    func makeIdentifier() -> UInt64 {
        nextIdentifier += 1
        return nextIdentifier
    }

    /// Fails what is waiting on the connection once it is lost or closed.
    func failEverything(_ error: DBusError) {
        for serial in Array(pendingCalls.keys) {
            finishCall(serial, .failure(error))
        }
        callExpiry?.cancel()
        callExpiry = nil
        flushSignalBatches()
        let streams = subscriptions.values
        subscriptions.removeAll()
        for subscription in streams {
            subscription.finish()
        }
        for task in handlerTasks.values {
            task.cancel()
        }
        handlerTasks.removeAll()
    }
}

/// A method call waiting for its reply.
struct PendingCall {
    let identifier: UInt64
    let continuation: CheckedContinuation<[DBusValue], any Error>
    /// When the call fails with a time-out.
    let deadline: DispatchTime
    let timeout: Duration
}

extension Duration {
    /// The duration for `DispatchQueue.asyncAfter`, saturating instead of overflowing.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, seconds >= 0 else { return seconds < 0 ? .nanoseconds(0) : .never }
        return .nanoseconds(Int(clamping: whole + attoseconds / 1_000_000_000))
    }
}
