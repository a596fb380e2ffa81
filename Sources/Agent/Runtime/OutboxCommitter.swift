import Logging
import PlaybackModel
import PunchPlay

/// Commits the core's events to the outbox, in order, before anything is sent. When the disk refuses a
/// write (full, read-only, gone), the events are kept in memory, in order, and committed with the next
/// step or on a retry a few seconds later, so a passing disk problem loses nothing; the user is told once
/// when it starts and once when it is over.
actor OutboxCommitter {
    /// One all-or-nothing, idempotent commit of events in order (`OutboxStore.enqueue(contentsOf:)`).
    typealias Commit = @Sendable ([PlaybackEvent]) async throws -> Void

    private let commit: Commit
    private let committed: @Sendable () async -> Void
    private let retryInterval: Duration
    /// The most events kept in memory; beyond it the oldest `progress` goes first, as the outbox's own cap.
    private let maximumHeld: Int
    private let logger: Logger
    private var held: [PlaybackEvent] = []
    private var retry: Task<Void, Never>?
    private var flushing = false

    /// - Parameter committed: called after each successful commit, to wake the delivery loop.
    init(
        commit: @escaping Commit,
        committed: @escaping @Sendable () async -> Void,
        retryInterval: Duration = .seconds(5),
        maximumHeld: Int = 10_000,
        logger: Logger
    ) {
        self.commit = commit
        self.committed = committed
        self.retryInterval = retryInterval
        self.maximumHeld = maximumHeld
        self.logger = logger
    }

    /// Commits `events` after any still held from earlier steps.
    func write(_ events: [PlaybackEvent]) async {
        held += events
        await flush()
    }

    /// How many events wait in memory for the disk.
    var heldCount: Int { held.count }

    /// Commits everything held, oldest first; one flush at a time, and events that arrive meanwhile are
    /// taken by the running one.
    private func flush() async {
        guard !flushing else { return }
        flushing = true
        defer { flushing = false }
        while !held.isEmpty {
            let batch = held
            do {
                try await commit(batch)
            } catch {
                if retry == nil {
                    logger.error(
                        "could not write \(batch.count) event(s) to the outbox: \(error); they are kept in memory and written again every \(retryInterval)"
                    )
                }
                trimHeld()
                scheduleRetry()
                return
            }
            held.removeFirst(batch.count)
            if let pending = retry {
                pending.cancel()
                retry = nil
                logger.info("the outbox accepts writes again: \(batch.count) held event(s) written")
            }
            await committed()
        }
    }

    private func trimHeld() {
        while held.count > maximumHeld {
            let index = held.firstIndex { $0.action == .progress } ?? held.startIndex
            held.remove(at: index)
        }
    }

    private func scheduleRetry() {
        retry?.cancel()
        let interval = retryInterval
        retry = Task { [weak self] in
            guard (try? await Task.sleep(for: interval)) != nil else { return }
            await self?.retryNow()
        }
    }

    private func retryNow() async {
        await flush()
    }
}
