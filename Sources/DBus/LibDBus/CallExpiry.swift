import Dispatch

/// The one timer behind every pending call's time-out on a connection, armed for the earliest deadline it has been
/// told of. An answered call leaves it armed: arming and cancelling a timer for each call would wake libdispatch's
/// manager thread twice a call, on the path of every reply, while leaving it costs one wake-up at the deadline,
/// which then finds nothing due and arms nothing more. So after the last call the timer fires once, and an idle
/// connection has none.
final class CallExpiry {
    private let timer: any DispatchSourceTimer
    /// The deadline the timer is armed for; nil when it is not armed.
    private var armedFor: DispatchTime?

    /// - Parameter expire: runs on `queue` when the armed deadline comes; it fails what is due and arms the next.
    init(queue: DispatchQueue, expire: @escaping () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .distantFuture)
        timer.activate()
        timer.setEventHandler { [weak self] in
            self?.armedFor = nil
            expire()
        }
    }

    deinit {
        cancel()
    }

    /// Makes sure the timer fires no later than `deadline`. Call on the queue.
    func arm(for deadline: DispatchTime) {
        if let armedFor, armedFor <= deadline { return }
        armedFor = deadline
        timer.schedule(deadline: deadline)
    }

    /// Stops the timer for good (the connection is closed).
    func cancel() {
        timer.setEventHandler(handler: nil)
        timer.cancel()
    }
}
