import ArgumentParser

/// Options every benchmark shares: how many timed runs, and how long each should last.
struct BenchmarkOptions: ParsableArguments {
    @Option(help: "Timed runs; the median and spread over them are reported.")
    var runs = 7

    @Option(help: "Operations per timed run.")
    var operations = 200_000

    @Option(help: "Untimed operations before the first run (warms caches and the allocator).")
    var warmup = 20_000

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        guard operations >= 1 else { throw ValidationError("--operations must be at least 1.") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be 0 or more.") }
    }
}
