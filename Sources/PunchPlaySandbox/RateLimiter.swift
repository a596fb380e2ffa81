import Foundation
import HTTPTypes

/// Sliding-window request budgets per caller key; a request over budget is a 429 with `Retry-After`.
struct RateLimiter {
    private var hits: [String: [Date]] = [:]

    /// Counts one request for `key` or throws 429 `rate_limited` when `budget` is spent; `nil` means no limit.
    mutating func admit(_ key: String, budget: RateBudget?, now: Date) throws(SandboxAPIError) {
        guard let budget else { return }
        let windowStart = now.addingTimeInterval(-budget.window)
        var recent = (hits[key] ?? []).filter { $0 > windowStart }
        defer { hits[key] = recent }
        guard recent.count >= budget.limit else {
            recent.append(now)
            return
        }
        let oldest = recent[recent.count - budget.limit]
        let retryAfter = max(1, Int(oldest.addingTimeInterval(budget.window).timeIntervalSince(now).rounded(.up)))
        var error = SandboxAPIError(
            status: .tooManyRequests,
            code: "rate_limited",
            message: "Too many requests: \(budget.limit) allowed per \(Int(budget.window)) s. Retry later.",
            retryAfterSeconds: retryAfter
        )
        error.extraHeaders[HTTPField.Name("X-RateLimit-Limit")!] = String(budget.limit)
        error.extraHeaders[HTTPField.Name("X-RateLimit-Remaining")!] = "0"
        error.extraHeaders[HTTPField.Name("X-RateLimit-Reset")!] = String(retryAfter)
        throw error
    }

    /// Forgets every count.
    mutating func reset() {
        hits = [:]
    }
}
