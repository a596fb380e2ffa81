internal import CDBus
import Dispatch

/// Turns one libdbus watch into dispatch read/write sources on the connection's queue while libdbus has it
/// enabled, so the connection sleeps in the kernel until its socket is ready: no timers, no polling.
///
/// libdbus owns the watch; this object is attached to it with `dbus_watch_set_data` and released by libdbus's
/// free callback. ``stop()`` runs when libdbus removes the watch, after which the event handlers do nothing, so a
/// handler already queued never touches a freed watch.
final class WatchSource {
    private let watch: OpaquePointer
    private let queue: DispatchQueue
    private let afterHandling: () -> Void
    private var sources: [any DispatchSourceProtocol] = []
    private var isRemoved = false

    init(watch: OpaquePointer, queue: DispatchQueue, afterHandling: @escaping () -> Void) {
        self.watch = watch
        self.queue = queue
        self.afterHandling = afterHandling
    }

    deinit {
        cancelSources()
    }

    /// Starts or stops listening to match whether libdbus has the watch enabled.
    func update() {
        cancelSources()
        guard !isRemoved, dbus_watch_get_enabled(watch) != 0 else { return }
        let descriptor = dbus_watch_get_unix_fd(watch)
        let flags = dbus_watch_get_flags(watch)
        if flags & DBUS_WATCH_READABLE.rawValue != 0 {
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            start(source, handling: DBUS_WATCH_READABLE.rawValue)
        }
        if flags & DBUS_WATCH_WRITABLE.rawValue != 0 {
            let source = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
            start(source, handling: DBUS_WATCH_WRITABLE.rawValue)
        }
    }

    /// Called when libdbus removes the watch; the watch may be freed after this returns.
    func stop() {
        isRemoved = true
        cancelSources()
    }

    private func start(_ source: any DispatchSourceProtocol, handling condition: UInt32) {
        source.setEventHandler { [weak self] in
            guard let self, !self.isRemoved else { return }
            dbus_watch_handle(self.watch, condition)
            self.afterHandling()
        }
        sources.append(source)
        source.activate()
    }

    private func cancelSources() {
        for source in sources {
            source.setEventHandler(handler: nil)
            source.cancel()
        }
        sources.removeAll()
    }
}
