import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own that sleeps in `poll` on one connection's socket and runs each read on the connection's
/// queue with `queue.sync`, which runs the block on this very thread whenever the queue is idle. Compared with a
/// dispatch read source, a wake-up is the kernel waking this thread and nothing else: no source re-armed by
/// libdispatch's manager thread after every read, and a pause between reads (see ``ReadPacing``) is this thread
/// waiting, not a timer source created and cancelled.
///
/// What to wait for and the read itself are decided on the queue (`mode` and `read`), where everything about
/// the connection lives; this object only holds the thread and a pipe through which the queue wakes it when that
/// decision may have changed. Its only state touched from two threads is that pipe, which the kernel
/// synchronizes, hence `@unchecked Sendable`.
final class ReaderThread: @unchecked Sendable {
    /// What the thread does next, decided on the queue.
    enum Mode {
        /// Wait until `descriptor` is readable (or the queue wakes the thread), then read.
        case read(descriptor: Int32)
        /// Wait until the queue wakes the thread (reading is disabled for now).
        case idle
        /// End the thread.
        case finish
    }

    private let queue: DispatchQueue
    /// The pipe that wakes the thread: the queue writes a byte to `wakeUp`, the thread drains `wakeUpSignal`.
    private let wakeUp: Int32
    private let wakeUpSignal: Int32
    private let mode: () -> Mode
    private let read: (_ events: Int16) -> UInt64?

    /// Starts the thread; nil when the system refuses a thread or a descriptor.
    /// - Parameters:
    ///   - mode: called on the queue before every wait.
    ///   - read: called on the queue when the socket is ready, with `poll`'s events; returns how long to pause
    ///     before the next read (nil: none).
    init?(queue: DispatchQueue, mode: @escaping () -> Mode, read: @escaping (_ events: Int16) -> UInt64?) {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return nil }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        self.queue = queue
        wakeUpSignal = pipeEnds[0]
        wakeUp = pipeEnds[1]
        self.mode = mode
        self.read = read
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        guard pthread_create(&thread, nil, Self.threadEntry, context) == 0 else {
            Unmanaged<ReaderThread>.fromOpaque(context).release()
            return nil
        }
        pthread_detach(thread)
    }

    deinit {
        close(wakeUp)
        close(wakeUpSignal)
    }

    /// Makes the thread ask `mode` again; from any thread.
    func wake() {
        var byte: UInt8 = 1
        // A full pipe already holds a wake-up; nothing is lost by dropping this one.
        _ = Glibc.write(wakeUp, &byte, 1)
    }

    private static let threadEntry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
        context in
        guard let context else { return nil }
        Unmanaged<ReaderThread>.fromOpaque(context).takeRetainedValue().run()
        return nil
    }

    private func run() {
        while true {
            switch queue.sync(execute: mode) {
            case .finish:
                return
            case .idle:
                wait(for: nil, timeout: nil)
            case .read(let descriptor):
                guard let events = wait(for: descriptor, timeout: nil) else { continue }
                if let pause = queue.sync(execute: { read(events) }) {
                    _ = wait(for: nil, timeout: pause)
                }
            }
        }
    }

    /// Waits until `descriptor` (if any) is ready, the queue wakes the thread, or `timeout` nanoseconds pass
    /// (rounded up to whole milliseconds); returns the descriptor's events when it is ready, nil otherwise. The
    /// queue's wake-ups are consumed.
    @discardableResult
    private func wait(for descriptor: Int32?, timeout: UInt64?) -> Int16? {
        var entries = [pollfd(fd: wakeUpSignal, events: Int16(POLLIN), revents: 0)]
        if let descriptor { entries.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Int32(($0 + 999_999) / 1_000_000) } ?? -1
        // Nothing ready: the pause is over, or a signal interrupted the wait; either way the mode is asked again.
        guard poll(&entries, nfds_t(entries.count), milliseconds) > 0 else { return nil }
        if entries[0].revents != 0 {
            var bytes = [UInt8](repeating: 0, count: 64)
            _ = Glibc.read(wakeUpSignal, &bytes, bytes.count)
        }
        guard descriptor != nil, entries[1].revents != 0 else { return nil }
        return entries[1].revents
    }
}
