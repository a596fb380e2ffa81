#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time consumed by the calling thread. On a shared machine the wall clock also counts time the thread
/// spent waiting for a core; CPU time is what "per second on one core" means.
enum ThreadCPUClock {
    /// Seconds of CPU time the calling thread has used so far.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
