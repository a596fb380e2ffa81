import ArgumentParser
import MediaIdentity

/// The cost of single identifications of hostile inputs (100 KB strings, deep bracket nesting, random bytes):
/// identification must stay well under a millisecond whatever a player sends. Reported in thread CPU time, so
/// that time spent preempted on a busy machine does not count.
struct WorstCaseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worst-case",
        abstract: "CPU time of single identifications of hostile inputs (huge strings, deep brackets, random bytes)."
    )

    @Option(help: "Times each hostile input is identified; the median and slowest call are reported.")
    var repetitions = 200

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1.") }
    }

    func run() {
        for (label, hints) in BenchmarkInputs.hostile {
            var samples: [Double] = []
            var checksum = 0
            for _ in 0..<repetitions {
                let start = ThreadCPUClock.now()
                checksum &+= IdentifyBenchmark.digest(MediaIdentifier.identify(hints))
                samples.append((ThreadCPUClock.now() - start) * 1e6)
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let slowest = samples[samples.count - 1]
            print(
                "worst-case \(label): median \(RunStatistics.format(median)) µs, slowest \(RunStatistics.format(slowest)) µs"
                    + " of CPU time [checksum \(checksum)]")
        }
    }
}
