import Dispatch

/// The serial executor of a ``DBusConnection``: a private dispatch queue on which every libdbus call for that
/// connection runs, including the read/write sources that wake it, so libdbus is never entered concurrently.
///
/// It is also a task executor (``DBusConnection/taskExecutor``): the tasks that consume the connection's signals
/// run on the same queue, so handing them a signal is one more block on a queue already running, not a wake-up
/// of another thread. `checkIsolated` lets dispatch source handlers on the same queue use `assumeIsolated`.
final class QueueExecutor: SerialExecutor, TaskExecutor {
    let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(isolatedTo: self.asUnownedSerialExecutor(), taskExecutor: self.asUnownedTaskExecutor())
        }
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
