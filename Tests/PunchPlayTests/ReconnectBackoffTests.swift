import Testing

@testable import PunchPlay

@Suite("Reconnect back-off")
struct ReconnectBackoffTests {
    @Test("Doubles from one second up to a minute")
    func delays() {
        let backoff = ReconnectBackoff()
        let delays = (0..<9).map { backoff.delay(attempt: $0) }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        #expect(backoff.delay(attempt: 10_000) == .seconds(60))
    }
}
