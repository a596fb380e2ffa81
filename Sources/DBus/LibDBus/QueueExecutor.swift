import Dispatch

/// The serial executor of a ``DBusConnection``: a private dispatch queue on which every libdbus call for that
/// connection runs, including the read/write sources that wake it, so libdbus is never entered concurrently.
///
/// `checkIsolated` lets dispatch source handlers on the same queue use `assumeIsolated`.
final class QueueExecutor: SerialExecutor {
    let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
