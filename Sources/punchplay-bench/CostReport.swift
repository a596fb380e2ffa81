/// Prints the agent's costs over repeated runs of one scenario, each figure as a median with its spread.
enum CostReport {
    static func print(_ label: String, _ costs: [ProcessCost]) {
        func line(_ figure: String, _ values: [Double], _ unit: String) {
            Swift.print("\(label) \(figure): \(RunStatistics.summary(values, unit: unit))")
        }
        line("period", costs.map(\.seconds), "s")
        line("CPU time", costs.map { $0.cpuSeconds * 1000 }, "ms")
        line("CPU time in clock ticks", costs.map { $0.tickCPUSeconds * 1000 }, "ms")
        line("CPU per hour", costs.map(\.cpuSecondsPerHour), "s/h")
        line("wake-ups", costs.map(\.wakeupsPerSecond), "/s")
        line("RSS at end", costs.map(\.endResidentMiB), "MiB")
        line("RSS at end, anonymous", costs.map { Double($0.endAnonymousKiB) / 1024 }, "MiB")
        line("RSS at end, the binary's code", costs.map { Double($0.endCodeKiB) / 1024 }, "MiB")
        let workingSets = costs.compactMap(\.workingSetKiB)
        let codeUsed = costs.compactMap(\.codeUsedKiB)
        if workingSets.count == costs.count, codeUsed.count == costs.count {
            line("pages used in the period (working set)", workingSets.map { Double($0) / 1024 }, "MiB")
            line("pages used in the period, the binary's code", codeUsed.map { Double($0) / 1024 }, "MiB")
        }
        line("RSS growth", costs.map(\.residentGrowthMiB), "MiB")
        line("peak RSS (VmHWM)", costs.map { Double($0.peakResidentKiB) / 1024 }, "MiB")
        line("threads", costs.map { Double($0.threads) }, "")
    }
}
