import PlaybackModel
import Testing

@Suite("Back-off")
struct BackoffTests {
    @Test("Doubles from one second up to a minute")
    func delays() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(60))
        let delays = (0..<9).map { backoff.delay(attempt: $0) }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        #expect(backoff.delay(attempt: 10_000) == .seconds(60))
    }

    @Test("Jitter spreads a step within its bounds, never below the first wait nor above the last")
    func jitter() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(60), jitter: 0.2)
        #expect(backoff.delay(attempt: 2, random: 0) == .milliseconds(3200))
        #expect(backoff.delay(attempt: 2, random: 0.5) == .seconds(4))
        #expect(backoff.delay(attempt: 2, random: 1) == .milliseconds(4800))
        #expect(backoff.delay(attempt: 0, random: 0) == .seconds(1))
        #expect(backoff.delay(attempt: 20, random: 1) == .seconds(60))
    }
}
