internal import CDBus
import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one libdbus watch into dispatch read/write sources on the connection's queue while libdbus has it
/// enabled, so the connection sleeps in the kernel until its socket is ready: no timers, no polling.
///
/// A read takes everything the socket holds, and ``ReadPacing`` decides when the next one may start: at once,
/// or after a short pause while a sender floods the bus, so that a flood is read in batches.
///
/// libdbus owns the watch; this object is attached to it with `dbus_watch_set_data` and released by libdbus's
/// free callback. ``stop()`` runs when libdbus removes the watch, after which the event handlers do nothing, so a
/// handler already queued never touches a freed watch.
final class WatchSource {
    /// At most this many reads of libdbus's (2 KiB each) in one wake-up, so other work on the queue still runs.
    static let maximumReadsPerWakeUp = 64

    private let watch: OpaquePointer
    private let queue: DispatchQueue
    /// Dispatches the messages libdbus has read; returns how many it delivered.
    private let afterHandling: () -> Int
    /// Ends a wake-up's reading: what was gathered for batch subscribers goes out.
    private let afterReading: () -> Void
    private var sources: [any DispatchSourceProtocol] = []
    private var isRemoved = false
    private var pacing = ReadPacing()
    private var isReadingPaused = false
    /// The timer that ends a pause of reading.
    private var resumption: (any DispatchSourceTimer)?

    init(
        watch: OpaquePointer,
        queue: DispatchQueue,
        afterHandling: @escaping () -> Int,
        afterReading: @escaping () -> Void
    ) {
        self.watch = watch
        self.queue = queue
        self.afterHandling = afterHandling
        self.afterReading = afterReading
    }

    deinit {
        cancelSources()
        cancelResumption()
    }

    /// Starts or stops listening to match whether libdbus has the watch enabled (and reading is not paused).
    func update() {
        cancelSources()
        guard !isRemoved, dbus_watch_get_enabled(watch) != 0 else { return }
        let descriptor = dbus_watch_get_unix_fd(watch)
        let flags = dbus_watch_get_flags(watch)
        if flags & DBUS_WATCH_READABLE.rawValue != 0, !isReadingPaused {
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            start(source) { watchSource in watchSource.read(descriptor) }
        }
        if flags & DBUS_WATCH_WRITABLE.rawValue != 0 {
            let source = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
            start(source) { watchSource in
                dbus_watch_handle(watchSource.watch, DBUS_WATCH_WRITABLE.rawValue)
                _ = watchSource.afterHandling()
                watchSource.afterReading()
            }
        }
    }

    /// Called when libdbus removes the watch; the watch may be freed after this returns.
    func stop() {
        isRemoved = true
        cancelSources()
        cancelResumption()
    }

    /// Reads and dispatches until the socket is empty (or the wake-up's share is used), then lets the pacing
    /// decide whether the next read waits.
    private func read(_ descriptor: Int32) {
        var messages = 0
        var reads = 0
        repeat {
            dbus_watch_handle(watch, DBUS_WATCH_READABLE.rawValue)
            messages += afterHandling()
            reads += 1
        } while !isRemoved && dbus_watch_get_enabled(watch) != 0 && reads < Self.maximumReadsPerWakeUp
            && Self.isReadable(descriptor)
        afterReading()
        guard !isRemoved,
            let pause = pacing.pauseAfterRead(at: DispatchTime.now().uptimeNanoseconds, messages: messages)
        else { return }
        isReadingPaused = true
        update()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .nanoseconds(Int(pause)))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.cancelResumption()
            guard !self.isRemoved else { return }
            self.isReadingPaused = false
            self.update()
        }
        resumption = timer
        timer.activate()
    }

    private func cancelResumption() {
        resumption?.setEventHandler(handler: nil)
        resumption?.cancel()
        resumption = nil
    }

    /// Whether `descriptor` has bytes waiting, without blocking.
    private static func isReadable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLIN) != 0
    }

    private func start(_ source: any DispatchSourceProtocol, handling: @escaping (WatchSource) -> Void) {
        source.setEventHandler { [weak self] in
            guard let self, !self.isRemoved else { return }
            handling(self)
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
