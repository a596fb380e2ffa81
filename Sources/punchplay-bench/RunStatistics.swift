import Foundation
import PlaybackModel

/// Figures over repeated runs or trials: median, fastest, slowest, percentiles and the spread between them, as a
/// benchmark reports. Mostly throughput (operations per second), also latencies and costs.
struct RunStatistics {
    /// The figure of each run (operations per second for throughput).
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
            let seconds = elapsed.seconds
            wallRates.append(Double(operations) / seconds)
            cpuRates.append(Double(operations) / max(cpuSeconds, 1e-9))
        }
        return (RunStatistics(rates: wallRates), RunStatistics(rates: cpuRates), checksum)
    }

    func report(unit: String) -> String {
        "median \(Self.format(median)) \(unit)/s (min \(Self.format(minimum)), max \(Self.format(maximum)), "
            + "spread \(Self.format(spreadPercent))% over \(rates.count) runs)"
    }

    /// The value that `fraction` (0...1) of the runs do not exceed, by the nearest-rank method.
    func percentile(_ fraction: Double) -> Double {
        let sorted = rates.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// "median M unit (min A, max B over N runs)" for figures that are not rates (milliseconds, MiB, events).
    static func summary(_ values: [Double], unit: String) -> String {
        let statistics = RunStatistics(rates: values)
        return "median \(precise(statistics.median)) \(unit) (min \(precise(statistics.minimum)), "
            + "max \(precise(statistics.maximum)) over \(values.count) runs)"
    }

    /// Three significant digits at most, for small figures such as milliseconds of CPU time.
    static func precise(_ value: Double) -> String {
        abs(value) >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return value >= 100 ? String(Int(value.rounded())) : String(rounded)
    }
}
