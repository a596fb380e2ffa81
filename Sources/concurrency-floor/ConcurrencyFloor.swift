/// The smallest Swift program with Swift Concurrency in it: one task that sleeps. `punchplay-bench footprint`
/// measures it beside the agent, as the floor of memory and wake-ups that any Swift agent on this toolchain
/// starts from (on Linux, the first sleep starts a libdispatch worker, and with it the pool monitor's 1 Hz
/// timer).
@main
struct ConcurrencyFloor {
    static func main() async throws {
        while true {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}
