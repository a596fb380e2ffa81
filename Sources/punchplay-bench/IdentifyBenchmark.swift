import ArgumentParser
import MediaIdentity

/// Identification throughput: how many player hints (names, paths, URLs, with titles and lengths) one core
/// identifies per second. Target: 50,000 or more.
struct IdentifyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Identifications per second on one thread over a mix of realistic inputs."
    )

    @OptionGroup var options: BenchmarkOptions

    func run() {
        let inputs = BenchmarkInputs.realistic
        var warm = 0
        for index in 0..<options.warmup {
            warm &+= Self.digest(MediaIdentifier.identify(inputs[index % inputs.count]))
        }
        let (wall, cpu, checksum) = RunStatistics.measure(runs: options.runs, operations: options.operations) {
            Self.digest(MediaIdentifier.identify(inputs[$0 % inputs.count]))
        }
        print("identify: \(inputs.count) distinct inputs, \(options.operations) identifications per run, one thread")
        print("identify (thread CPU time): \(cpu.report(unit: "identifications"))")
        print("identify (wall clock):      \(wall.report(unit: "identifications"))")
        print("identify: checksum \(checksum &+ warm)")
    }

    /// A value depending on the whole result, so the optimiser cannot drop the work.
    static func digest(_ result: IdentificationResult) -> Int {
        switch result {
        case .media(let item): item.title.utf8.count &+ (item.episode ?? 0) &+ (item.year ?? 0)
        case .notMedia(let reason, _): reason.utf8.count
        }
    }
}
