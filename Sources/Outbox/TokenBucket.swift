/// The pacing state: how many writes may go out now, refilled continuously at the policy's rate.
/// A value, persisted with every send outcome so a restart does not grant a fresh burst.
struct TokenBucket: Sendable, Hashable {
    var tokens: Double
    var updatedAt: Int64

    /// A full bucket at `now`.
    static func full(_ policy: PacingPolicy, at now: Int64) -> TokenBucket {
        TokenBucket(tokens: Double(policy.burst), updatedAt: now)
    }

    /// The bucket as it stands at `now`.
    func refilled(_ policy: PacingPolicy, at now: Int64) -> TokenBucket {
        let elapsed = Double(max(now - updatedAt, 0))
        let tokens = min(Double(policy.burst), self.tokens + elapsed * policy.tokensPerMillisecond)
        return TokenBucket(tokens: tokens, updatedAt: max(now, updatedAt))
    }

    /// When the next whole token is available (now when one is).
    func nextTokenAt(_ policy: PacingPolicy) -> Int64 {
        guard tokens < 1 else { return updatedAt }
        let missing = 1 - tokens
        return updatedAt + Int64((missing / policy.tokensPerMillisecond).rounded(.up))
    }

    /// The bucket after one write.
    func takingOne() -> TokenBucket {
        TokenBucket(tokens: tokens - 1, updatedAt: updatedAt)
    }
}
