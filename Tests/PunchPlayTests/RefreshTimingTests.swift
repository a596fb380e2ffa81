import Foundation
import Testing

@testable import PunchPlay

@Suite("When a token needs a refresh")
struct RefreshTimingTests {
    private func credentials(lifetime: TimeInterval, issuedAt: Date?) -> StoredCredentials {
        let issued = issuedAt ?? Date(timeIntervalSince1970: 0)
        return StoredCredentials(
            accessToken: Secret("a"),
            refreshToken: Secret("r"),
            accessTokenExpiresAt: issued.addingTimeInterval(lifetime),
            accessTokenIssuedAt: issuedAt
        )
    }

    @Test(
        "An hour-long token refreshes in its last five minutes",
        arguments: [(0.0, false), (3_299.0, false), (3_301.0, true), (3_700.0, true)]
    )
    func hourLong(elapsed: TimeInterval, expected: Bool) {
        let issued = Date(timeIntervalSince1970: 1_000)
        let token = credentials(lifetime: 3_600, issuedAt: issued)
        #expect(token.needsRefresh(at: issued.addingTimeInterval(elapsed), margin: 300) == expected)
    }

    @Test(
        "A one-minute token refreshes in its second half, not before every request",
        arguments: [(0.0, false), (29.0, false), (31.0, true)]
    )
    func short(elapsed: TimeInterval, expected: Bool) {
        let issued = Date(timeIntervalSince1970: 1_000)
        let token = credentials(lifetime: 60, issuedAt: issued)
        #expect(token.needsRefresh(at: issued.addingTimeInterval(elapsed), margin: 300) == expected)
    }

    @Test("Without an issue time the five-minute margin applies")
    func unknownIssueTime() {
        let token = credentials(lifetime: 3_600, issuedAt: nil)
        #expect(token.needsRefresh(at: Date(timeIntervalSince1970: 3_301), margin: 300))
        #expect(!token.needsRefresh(at: Date(timeIntervalSince1970: 3_299), margin: 300))
    }
}
