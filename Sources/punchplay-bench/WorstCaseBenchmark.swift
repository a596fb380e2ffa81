import ArgumentParser
import MediaIdentity

/// The slowest single identification over hostile inputs (100 KB strings, deep bracket nesting, random bytes):
/// identification must stay well under a millisecond whatever a player sends.
struct WorstCaseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worst-case",
        abstract: "Slowest identification of hostile inputs (huge strings, deep brackets, random bytes)."
    )

    @Option(help: "Times each hostile input is identified; the slowest single call is reported.")
    var repetitions = 200

    func run() {
        let clock = ContinuousClock()
        for (label, hints) in BenchmarkInputs.hostile {
            var slowest = Duration.zero
            var checksum = 0
            for _ in 0..<max(repetitions, 1) {
                let start = clock.now
                checksum &+= IdentifyBenchmark.digest(MediaIdentifier.identify(hints))
                slowest = max(slowest, clock.now - start)
            }
            let microseconds = Double(slowest.components.attoseconds) / 1e12 + Double(slowest.components.seconds) * 1e6
            print("worst-case \(label): slowest \(RunStatistics.format(microseconds)) µs [checksum \(checksum)]")
        }
    }
}
