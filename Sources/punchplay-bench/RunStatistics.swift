/// Throughput over repeated runs: median, fastest, slowest and the spread between them, as a benchmark reports.
struct RunStatistics {
    /// Operations per second of each run.
    var rates: [Double]

    var median: Double {
        let sorted = rates.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    var minimum: Double { rates.min() ?? 0 }
    var maximum: Double { rates.max() ?? 0 }

    /// (slowest to fastest) as a percentage of the median.
    var spreadPercent: Double { median > 0 ? (maximum - minimum) / median * 100 : 0 }

    /// Times `runs` runs of `operations` calls of `body` on the calling thread, by the wall clock and by the
    /// thread's CPU time.
    static func measure(
        runs: Int, operations: Int, _ body: (Int) -> Int
    ) -> (wall: RunStatistics, cpu: RunStatistics, checksum: Int) {
        let clock = ContinuousClock()
        var wallRates: [Double] = []
        var cpuRates: [Double] = []
        var checksum = 0
        for _ in 0..<runs {
            let start = clock.now
            let cpuStart = ThreadCPUClock.now()
            for index in 0..<operations {
                checksum &+= body(index)
            }
            let cpuSeconds = ThreadCPUClock.now() - cpuStart
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            wallRates.append(Double(operations) / seconds)
            cpuRates.append(Double(operations) / max(cpuSeconds, 1e-9))
        }
        return (RunStatistics(rates: wallRates), RunStatistics(rates: cpuRates), checksum)
    }

    func report(unit: String) -> String {
        "median \(Self.format(median)) \(unit)/s (min \(Self.format(minimum)), max \(Self.format(maximum)), "
            + "spread \(Self.format(spreadPercent))% over \(rates.count) runs)"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return value >= 100 ? String(Int(value.rounded())) : String(rounded)
    }
}
