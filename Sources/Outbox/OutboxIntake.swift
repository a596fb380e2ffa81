import Logging
import PlaybackModel

/// The way into the outbox: commits each batch of the scrobbling core's events to the store, in order and
/// all or nothing, before anything is sent, then wakes the delivery loop and flushes the commit to the disk
/// while the loop sends (see `UnflushedCommit`). When the disk refuses a write
/// (full, read-only, gone) the events are kept in memory, in order and within the outbox's own size cap,
/// and committed with the next batch or on a retry on the back-off schedule, so a passing disk problem
/// loses nothing; the log says once when this starts and once when it is over. An event the store refuses
/// for what it is (out of order, unencodable) can never be committed: it is dropped with an error line
/// instead of holding back every event after it.
public actor OutboxIntake {
    /// One all-or-nothing, idempotent commit of events in order (`OutboxStore.enqueue(contentsOf:)`).
    typealias Commit = @Sendable ([PlaybackEvent]) async throws(OutboxError) -> Void
    /// Flushes every commit so far to the disk (`OutboxStore.flushCommits()`).
    typealias Flush = @Sendable () async throws(OutboxError) -> Void

    /// The retries while the disk refuses: soon at first, then every half minute at most.
    public static let diskRetry = Backoff(initial: .seconds(1), maximum: .seconds(30))

    private let commitBatch: Commit
    private let flushCommits: Flush
    private let committed: @Sendable () async -> Void
    private let limits: OutboxLimits
    private let clock: OutboxClock
    private let retry: Backoff
    private let logger: Logger
    private var held: [PlaybackEvent] = []
    /// Refused commits in a row; the back-off grows with them.
    private var refusals = 0
    private var pendingRetry: Task<Void, Never>?
    private var isCommitting = false
    /// Set while flushes to the disk fail, so the log says it once.
    private var flushFailing = false
    private let refusalContinuation: AsyncStream<Bool>.Continuation

    /// True when the disk starts refusing writes, false when it accepts them again (only the newest is kept),
    /// so the agent can show that events wait in memory.
    public nonisolated let diskRefusals: AsyncStream<Bool>

    /// Commits into `delivery`'s store, wakes `delivery` after each commit and then flushes it to the disk.
    public init(delivery: EventDelivery, retry: Backoff = OutboxIntake.diskRetry, logger: Logger) {
        let store = delivery.store
        self.init(
            commit: { events throws(OutboxError) in try await store.enqueueAheadOfFlush(contentsOf: events) },
            flush: { () throws(OutboxError) in try await store.flushCommits() },
            committed: { await delivery.eventsArrived() },
            limits: store.limits,
            clock: store.clock,
            retry: retry,
            logger: logger
        )
    }

    /// - Parameters:
    ///   - flush: called after each successful commit and `committed`, to put the commit on the disk.
    ///   - committed: called after each successful commit, to wake the delivery loop.
    init(
        commit: @escaping Commit,
        flush: @escaping Flush = {},
        committed: @escaping @Sendable () async -> Void,
        limits: OutboxLimits,
        clock: OutboxClock,
        retry: Backoff,
        logger: Logger
    ) {
        commitBatch = commit
        flushCommits = flush
        self.committed = committed
        self.limits = limits
        self.clock = clock
        self.retry = retry
        self.logger = logger
        (diskRefusals, refusalContinuation) = AsyncStream.makeStream(
            of: Bool.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Commits `events` after any still held from earlier batches. When this returns they are on disk,
    /// held in memory, or (while a commit or flush of earlier events is under way) taken by that commit.
    public func commit(_ events: [PlaybackEvent]) async {
        held += events
        await commitHeld()
    }

    /// How many events wait in memory for the disk.
    var heldCount: Int { held.count }

    /// Commits everything held, oldest first, each batch flushed to the disk before the next; one run at a
    /// time, and events that arrive meanwhile are taken by the running one.
    private func commitHeld() async {
        guard !isCommitting else { return }
        isCommitting = true
        defer { isCommitting = false }
        while !held.isEmpty {
            let batch = held
            do {
                try await commitBatch(batch)
            } catch {
                if dropUncommittable(error) { continue }
                refused(batch, error)
                return
            }
            held.removeFirst(batch.count)
            if refusals > 0 {
                refusals = 0
                pendingRetry?.cancel()
                pendingRetry = nil
                logger.info("the outbox accepts writes again: \(batch.count) held event(s) written")
                refusalContinuation.yield(false)
            }
            await committed()
            await flushToDisk(batch.count)
        }
    }

    /// Flushes the commit just made. A failure cannot be undone (the events may be on their way already) and
    /// is only told: the events stay queued, and a power cut before the next good flush could lose them.
    private func flushToDisk(_ count: Int) async {
        do {
            try await flushCommits()
            if flushFailing {
                flushFailing = false
                logger.info("the outbox is flushed to the disk again")
            }
        } catch {
            guard !flushFailing else { return }
            flushFailing = true
            logger.error(
                "could not flush \(count) committed event(s) to the disk: \(error); they stay queued and are sent, but a power cut before the next good flush could lose them"
            )
        }
    }

    /// Drops the event `error` names when the store refused it for what it is; false for any other error.
    private func dropUncommittable(_ error: OutboxError) -> Bool {
        let eventID: String
        switch error {
        case .outOfOrder(let id, _), .unencodable(let id, _): eventID = id
        case .storage, .unusableDatabase: return false
        }
        let before = held.count
        held.removeAll { $0.payload.eventID == eventID }
        guard held.count < before else { return false }
        logger.error("\(error)")
        return true
    }

    private func refused(_ batch: [PlaybackEvent], _ error: OutboxError) {
        refusals += 1
        if refusals == 1 {
            refusalContinuation.yield(true)
            logger.error(
                "could not write \(batch.count) event(s) to the outbox: \(error); they are kept in memory and written as soon as the disk accepts them again"
            )
        }
        held = limits.keepingWithinSize(held)
        let clock = clock
        let until = clock.now() + retry.delay(attempt: refusals - 1).wholeMilliseconds
        pendingRetry?.cancel()
        pendingRetry = Task { [weak self] in
            guard (try? await clock.sleep(until: until)) != nil else { return }
            await self?.retryNow()
        }
    }

    /// The retry's commit; no longer pending, so a success does not cancel the task running it.
    private func retryNow() async {
        pendingRetry = nil
        await commitHeld()
    }
}
