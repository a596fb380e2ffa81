import ServiceLifecycle

/// Hands the memory that only a burst of work used back to the kernel (``ResidentMemoryTrim``), once that burst
/// is over: `delay` after start-up (the bus watched, the outbox open, the first requests sent), and `delay`
/// after each change of what is playing (a session starting, pausing or ending touches identification, the
/// outbox and the HTTP client once). A change within `delay` of the last one postpones the trim, so a burst
/// of changes costs one trim. Steady playback (a `progress` every 15 s) is not a change and triggers none.
struct MemoryTrimService<TrimClock: Clock<Duration>, Activity: AsyncSequence & Sendable>: Service
where Activity.Element == [String], Activity.Failure == Never {
    let delay: Duration
    let clock: TrimClock
    /// What is playing, as one key per player, each time the agent's status changes.
    let activity: Activity
    let trim: @Sendable () -> Void

    func run() async throws {
        let delay = delay
        let clock = clock
        let activity = activity
        let trim = trim
        await cancelWhenGracefulShutdown {
            let trimLater = { Task { if (try? await clock.sleep(for: delay)) != nil { trim() } } }
            var pending = trimLater()
            var last: [String]?
            for await keys in activity {
                let changed = last.map { $0 != keys } ?? false
                last = keys
                guard changed else { continue }
                pending.cancel()
                pending = trimLater()
            }
            pending.cancel()
        }
    }
}
