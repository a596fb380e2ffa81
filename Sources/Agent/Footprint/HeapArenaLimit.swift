import CMalloc

/// Keeps the agent's heap in one glibc malloc arena. glibc gives threads arenas of their own (up to eight a
/// core), and each arena keeps the blocks its threads freed. libdispatch starts worker threads as work comes, so a
/// player flooding the bus left the agent holding 13 MiB of heap it no longer used, against 6 MiB with one arena
/// (`make bench`, flood). The agent's threads seldom allocate at the same moment, so sharing one arena costs no
/// measurable CPU in the same benchmark.
///
/// The limit holds for arenas created after it is set, and a thread keeps the arena it first took, so the
/// command's `main` sets it before anything else runs: then no thread ever has an arena of its own.
public enum HeapArenaLimit {
    /// How many arenas the agent's heap may use.
    static let arenas: Int32 = 1

    /// Limits the arenas created from now on; called by `main` before any thread starts.
    public static func apply() {
        _ = mallopt(M_ARENA_MAX, arenas)
    }
}
