import CMalloc

/// Keeps the agent's heap in one glibc malloc arena. glibc gives threads arenas of their own (up to eight a
/// core), and each arena keeps the blocks its threads freed. libdispatch starts worker threads as work comes, so a
/// player flooding the bus left the agent holding 13 MiB of heap it no longer used, against 6 MiB with one arena
/// (`make bench`, flood). The agent's threads seldom allocate at the same moment, so sharing one arena costs no
/// measurable CPU in the same benchmark.
enum HeapArenaLimit {
    /// How many arenas the agent's heap may use.
    static let arenas: Int32 = 1

    /// Limits the arenas created from now on; called before the agent starts its work.
    static func apply() {
        _ = mallopt(M_ARENA_MAX, arenas)
    }
}
