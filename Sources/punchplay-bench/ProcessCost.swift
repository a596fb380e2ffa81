import PlaybackModel

/// What a process cost over one measured period: the difference between a ``ProcessSample`` before and one
/// after, with its resident memory at both ends.
struct ProcessCost: Sendable {
    /// Wall-clock length of the period, in seconds.
    var seconds: Double
    /// CPU time over the period of the threads alive at its end (nanosecond resolution), in seconds.
    var cpuSeconds: Double
    /// `utime + stime` over the period (10 ms resolution; also counts threads that exited), in seconds.
    var tickCPUSeconds: Double
    /// Voluntary and involuntary context switches over the period of the threads alive at its end.
    var wakeups: Int
    /// Resident memory at the start and at the end, in KiB.
    var startResidentKiB: Int
    var endResidentKiB: Int
    /// The highest resident memory of the process's life up to the end (`VmHWM`), in KiB.
    var peakResidentKiB: Int
    /// Threads alive at the end.
    var threads: Int
    /// The part of the resident memory at the end that is the process's own (`RssAnon`: heap, stacks, copied
    /// pages), in KiB; the rest is file pages (code, read-only data) that the page cache shares.
    var endAnonymousKiB: Int
    /// The resident pages the process used during the period (its working set), in KiB, when the period started
    /// with ``ProcessSample/readStartingWorkingSet(pid:)``. Resident memory cannot fall below it for long: a
    /// page used in the period is resident at its end unless the kernel reclaimed it.
    var workingSetKiB: Int?
    /// The resident part of the program's own code at the end, and (with `workingSetKiB`) the part of it used in
    /// the period, in KiB.
    var endCodeKiB: Int
    var codeUsedKiB: Int?

    /// CPU seconds an hour at this period's rate.
    var cpuSecondsPerHour: Double { cpuSeconds / seconds * 3600 }
    /// Wake-ups a second.
    var wakeupsPerSecond: Double { Double(wakeups) / seconds }
    /// Resident memory at the end, in MiB.
    var endResidentMiB: Double { Double(endResidentKiB) / 1024 }
    /// How much resident memory grew over the period, in MiB.
    var residentGrowthMiB: Double { Double(endResidentKiB - startResidentKiB) / 1024 }
    /// How far the peak rose above the starting resident memory, in MiB.
    var peakGrowthMiB: Double { Double(peakResidentKiB - startResidentKiB) / 1024 }

    /// Samples process `pid`, runs `body` (a wait, or the load to measure), and samples it again.
    static func measure(pid: Int32, during body: () async throws -> Void) async throws -> ProcessCost {
        let clock = ContinuousClock()
        let before = try ProcessSample.read(pid: pid)
        let start = clock.now
        try await body()
        let elapsed = clock.now - start
        return ProcessCost(from: before, to: try ProcessSample.read(pid: pid), seconds: elapsed.seconds)
    }
}

extension ProcessCost {
    /// The cost between two samples of one process taken `seconds` apart.
    init(from before: ProcessSample, to after: ProcessSample, seconds: Double) {
        self.init(
            seconds: seconds,
            cpuSeconds: before.threadCPUSeconds(until: after),
            tickCPUSeconds: after.tickCPUSeconds - before.tickCPUSeconds,
            wakeups: before.switches(until: after),
            startResidentKiB: before.residentKiB,
            endResidentKiB: after.residentKiB,
            peakResidentKiB: after.peakResidentKiB,
            threads: after.threads,
            endAnonymousKiB: after.anonymousKiB,
            workingSetKiB: before.startsWorkingSet ? after.referencedKiB : nil,
            endCodeKiB: after.codeKiB,
            codeUsedKiB: before.startsWorkingSet ? after.codeReferencedKiB : nil
        )
    }
}
