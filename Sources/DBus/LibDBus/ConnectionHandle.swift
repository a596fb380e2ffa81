internal import CDBus
import Dispatch

/// Owns one private libdbus connection: opens it, wakes on its file descriptor, hands every incoming message to
/// ``onMessage`` and closes it. Used only on the owning connection's executor queue, so libdbus is never entered
/// from two threads at once.
///
/// Lifetime (from the libdbus docs): a private connection "must be closed with dbus_connection_close() before the
/// last reference is released", so ``close()`` removes the filter and watches, closes, then unrefs. The handle
/// passes itself unretained to libdbus callbacks, which is sound because its owner keeps it alive until
/// ``close()`` has unregistered them all.
final class ConnectionHandle {
    /// Which bus to open.
    enum Target {
        case session
        case system
        case address(String)
    }

    private let pointer: OpaquePointer
    private let queue: DispatchQueue
    private var isClosed = false
    /// Messages delivered by the current ``dispatchPending(readingFlood:)``.
    private var delivered = 0
    /// Whether the messages being dispatched were read while the bus floods the connection (see ``ReadPacing``).
    private(set) var isReadingFlood = false
    /// Called for every message libdbus dispatches, on the queue.
    var onMessage: ((Message) -> Void)?
    /// Called, on the queue, after the messages of one read have all gone to ``onMessage``.
    var onReadDispatched: (() -> Void)?

    /// libdbus must be told once, before any connection exists, that it will be used from several threads.
    private static let threadsInitialized: Bool = dbus_threads_init_default() != 0

    /// Opens and registers a private connection. Blocking: connects, authenticates and waits for `Hello`.
    init(opening target: Target, queue: DispatchQueue) throws {
        guard Self.threadsInitialized else { throw Message.outOfMemory }
        var error = CDBus.DBusError()
        dbus_error_init(&error)
        defer { dbus_error_free(&error) }
        let opened: OpaquePointer?
        switch target {
        case .session:
            opened = dbus_bus_get_private(DBUS_BUS_SESSION, &error)
        case .system:
            opened = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error)
        case .address(let address):
            opened = dbus_connection_open_private(address, &error)
            if let opened {
                dbus_connection_set_exit_on_disconnect(opened, 0)
                if dbus_bus_register(opened, &error) == 0 {
                    dbus_connection_close(opened)
                    dbus_connection_unref(opened)
                    throw Self.swiftError(error, fallback: "could not register with the bus at \(address)")
                }
            }
        }
        guard let opened else { throw Self.swiftError(error, fallback: "could not connect to the bus") }
        dbus_connection_set_exit_on_disconnect(opened, 0)
        pointer = opened
        self.queue = queue
    }

    deinit {
        assert(isClosed, "a ConnectionHandle must be closed before it is released")
    }

    /// The unique name (`:1.42`) the bus assigned in `Hello`.
    var uniqueName: String {
        dbus_bus_get_unique_name(pointer).map { String(cString: $0) } ?? ""
    }

    var isConnected: Bool { !isClosed && dbus_connection_get_is_connected(pointer) != 0 }

    /// Installs the filter and the file-descriptor watches, then dispatches anything already queued.
    func start() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        dbus_connection_add_filter(pointer, filterMessage, context, nil)
        dbus_connection_set_watch_functions(pointer, addWatch, removeWatch, toggleWatch, context, nil)
        _ = dispatchPending(readingFlood: false)
        endRead()
    }

    /// Queues `message` for sending (libdbus writes at once when the socket allows) and returns its serial.
    func send(_ message: Message) throws -> UInt32 {
        guard isConnected else { throw DBusError(.disconnected, "the connection to the bus is closed") }
        var serial: UInt32 = 0
        guard dbus_connection_send(pointer, message.pointer, &serial) != 0 else { throw Message.outOfMemory }
        return serial
    }

    /// Unregisters every callback, closes and releases the connection.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        onMessage = nil
        onReadDispatched = nil
        let context = Unmanaged.passUnretained(self).toOpaque()
        dbus_connection_remove_filter(pointer, filterMessage, context)
        dbus_connection_set_watch_functions(pointer, nil, nil, nil, nil, nil)
        dbus_connection_close(pointer)
        dbus_connection_unref(pointer)
    }

    /// Dispatches every message libdbus has read; returns how many reached ``onMessage``. The read is over only
    /// at ``endRead()``: a wake-up may read and dispatch several times first.
    fileprivate func dispatchPending(readingFlood: Bool) -> Int {
        delivered = 0
        isReadingFlood = readingFlood
        defer { isReadingFlood = false }
        while !isClosed, dbus_connection_dispatch(pointer) == DBUS_DISPATCH_DATA_REMAINS {}
        return delivered
    }

    /// Tells ``onReadDispatched`` that the messages read so far have all been dispatched.
    fileprivate func endRead() {
        if !isClosed { onReadDispatched?() }
    }

    fileprivate func deliver(_ message: OpaquePointer) {
        delivered += 1
        onMessage?(Message(retaining: message))
    }

    fileprivate func add(_ watch: OpaquePointer) {
        let source = WatchSource(
            watch: watch,
            queue: queue,
            afterHandling: { [unowned self] readingFlood in self.dispatchPending(readingFlood: readingFlood) },
            afterReading: { [unowned self] in self.endRead() }
        )
        dbus_watch_set_data(watch, Unmanaged.passRetained(source).toOpaque(), releaseWatchSource)
        source.update()
    }

    static func swiftError(_ error: CDBus.DBusError, fallback: String) -> DBusError {
        guard let name = error.name else { return DBusError(.failed, fallback) }
        return DBusError(
            DBusErrorName(rawValue: String(cString: name)), error.message.map { String(cString: $0) } ?? "")
    }
}

private func handle(from context: UnsafeMutableRawPointer?) -> ConnectionHandle {
    Unmanaged<ConnectionHandle>.fromOpaque(context!).takeUnretainedValue()
}

private func source(of watch: OpaquePointer?) -> WatchSource? {
    guard let watch, let data = dbus_watch_get_data(watch) else { return nil }
    return Unmanaged<WatchSource>.fromOpaque(data).takeUnretainedValue()
}

private let filterMessage: DBusHandleMessageFunction = { _, message, context in
    if let message { handle(from: context).deliver(message) }
    return DBUS_HANDLER_RESULT_HANDLED
}

private let addWatch: DBusAddWatchFunction = { watch, context in
    if let watch { handle(from: context).add(watch) }
    return 1
}

private let removeWatch: DBusRemoveWatchFunction = { watch, _ in
    source(of: watch)?.stop()
}

private let toggleWatch: DBusWatchToggledFunction = { watch, _ in
    source(of: watch)?.update()
}

private let releaseWatchSource: DBusFreeFunction = { data in
    if let data { Unmanaged<WatchSource>.fromOpaque(data).release() }
}
