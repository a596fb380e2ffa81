internal import CDBus
import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one libdbus watch into wake-ups of the connection while libdbus has it enabled, so the connection sleeps
/// in the kernel until its socket is ready: no timers, no polling. Reading is done by a ``ReaderThread`` of the
/// watch's own; writing (only while libdbus has more to send than the socket takes) by a dispatch write source.
/// Both run their work on the connection's queue.
///
/// A read takes everything the socket holds, and ``ReadPacing`` decides when the next one may start: at once,
/// or after a short pause while a sender floods the bus, so that a flood is read in batches.
///
/// libdbus owns the watch; this object is attached to it with `dbus_watch_set_data` and released by libdbus's
/// free callback. ``stop()`` runs when libdbus removes the watch, after which nothing touches the watch again:
/// the reader thread and the write source's handler check on the queue first.
final class WatchSource {
    /// At most this many reads of libdbus's (2 KiB each) in one wake-up, so other work on the queue still runs.
    static let maximumReadsPerWakeUp = 64

    private let watch: OpaquePointer
    private let queue: DispatchQueue
    /// Dispatches the messages libdbus has read, told whether they were read during a flood; returns how many it
    /// delivered.
    private let afterHandling: (_ readingFlood: Bool) -> Int
    /// Ends a wake-up's reading: what was gathered for batch subscribers goes out.
    private let afterReading: () -> Void
    private var writeSource: (any DispatchSourceWrite)?
    private var reader: ReaderThread?
    /// Set when the system refused the reader thread; reading then falls back to `readSource`.
    private var readerRefused = false
    private var readSource: (any DispatchSourceRead)?
    private var isRemoved = false
    private var pacing = ReadPacing()

    init(
        watch: OpaquePointer,
        queue: DispatchQueue,
        afterHandling: @escaping (_ readingFlood: Bool) -> Int,
        afterReading: @escaping () -> Void
    ) {
        self.watch = watch
        self.queue = queue
        self.afterHandling = afterHandling
        self.afterReading = afterReading
    }

    deinit {
        cancel(writeSource)
        cancel(readSource)
        reader?.wake()
    }

    /// Starts or stops listening to match whether libdbus has the watch enabled, and for what.
    func update() {
        cancel(writeSource)
        writeSource = nil
        guard !isRemoved else { return }
        let enabled = dbus_watch_get_enabled(watch) != 0
        let flags = dbus_watch_get_flags(watch)
        if enabled, flags & DBUS_WATCH_WRITABLE.rawValue != 0 {
            let source = DispatchSource.makeWriteSource(fileDescriptor: dbus_watch_get_unix_fd(watch), queue: queue)
            source.setEventHandler { [weak self] in
                guard let self, !self.isRemoved else { return }
                dbus_watch_handle(self.watch, DBUS_WATCH_WRITABLE.rawValue)
                _ = self.afterHandling(false)
                self.afterReading()
            }
            writeSource = source
            source.activate()
        }
        let wantsRead = enabled && flags & DBUS_WATCH_READABLE.rawValue != 0
        if wantsRead, reader == nil, !readerRefused {
            reader = ReaderThread(
                queue: queue,
                mode: { [weak self] in self?.readerMode ?? .finish },
                read: { [weak self] events in self?.read(events) }
            )
            readerRefused = reader == nil
        }
        if readerRefused {
            cancel(readSource)
            readSource = nil
            if wantsRead { startReadSource() }
        }
        reader?.wake()
    }

    /// Called when libdbus removes the watch; the watch may be freed after this returns.
    func stop() {
        isRemoved = true
        cancel(writeSource)
        writeSource = nil
        cancel(readSource)
        readSource = nil
        reader?.wake()
    }

    /// What the reader thread waits for now.
    private var readerMode: ReaderThread.Mode {
        if isRemoved { return .finish }
        guard dbus_watch_get_enabled(watch) != 0, dbus_watch_get_flags(watch) & DBUS_WATCH_READABLE.rawValue != 0
        else { return .idle }
        return .read(descriptor: dbus_watch_get_unix_fd(watch))
    }

    /// Reads and dispatches until the socket is empty (or the wake-up's share is used); returns how long the
    /// pacing wants the next read to wait (nil: none).
    private func read(_ events: Int16) -> UInt64? {
        guard !isRemoved, dbus_watch_get_enabled(watch) != 0 else { return nil }
        var flags = DBUS_WATCH_READABLE.rawValue
        if events & Int16(POLLHUP) != 0 { flags |= DBUS_WATCH_HANGUP.rawValue }
        if events & Int16(POLLERR) != 0 { flags |= DBUS_WATCH_ERROR.rawValue }
        let descriptor = dbus_watch_get_unix_fd(watch)
        var messages = 0
        var reads = 0
        repeat {
            dbus_watch_handle(watch, flags)
            messages += afterHandling(pacing.isFlooded)
            reads += 1
            flags = DBUS_WATCH_READABLE.rawValue
        } while !isRemoved && dbus_watch_get_enabled(watch) != 0 && reads < Self.maximumReadsPerWakeUp
            && Self.isReadable(descriptor)
        afterReading()
        guard !isRemoved else { return nil }
        return pacing.pauseAfterRead(
            at: DispatchTime.now().uptimeNanoseconds,
            messages: messages,
            emptiedSocket: reads < Self.maximumReadsPerWakeUp
        )
    }

    /// Reading without a thread of its own, when the system refused one: a dispatch read source while libdbus has
    /// reading enabled, reading at once.
    private func startReadSource() {
        let source = DispatchSource.makeReadSource(fileDescriptor: dbus_watch_get_unix_fd(watch), queue: queue)
        source.setEventHandler { [weak self] in _ = self?.read(Int16(POLLIN)) }
        readSource = source
        source.activate()
    }

    /// Whether `descriptor` has bytes waiting, without blocking.
    private static func isReadable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLIN) != 0
    }

    private func cancel(_ source: (any DispatchSourceProtocol)?) {
        source?.setEventHandler(handler: nil)
        source?.cancel()
    }
}
