import Foundation

/// Waiting for traffic instead of polling: what an end-to-end test needs to know "the agent has sent its stop".
extension PunchPlaySandbox {
    /// Returns the first `count` answered API requests whose path starts with `pathPrefix`, as soon as that many
    /// exist (counting those already recorded), or throws after `timeout` seconds. Requests that got no answer
    /// (hung or dropped) do not count.
    public func waitForRequests(
        pathPrefix: String? = nil,
        count: Int,
        timeout: TimeInterval = 10
    ) async throws(SandboxControlError) -> [RecordedRequest] {
        let completions = await completedRequests()
        let answered = { @Sendable in
            await self.recordedRequests(pathPrefix: pathPrefix).filter { $0.responseStatus != nil }
        }
        let found = await withTaskGroup(of: [RecordedRequest]?.self) { group in
            group.addTask {
                var matches = await answered()
                var iterator = completions.makeAsyncIterator()
                while matches.count < count {
                    guard await iterator.next() != nil else { return nil }
                    matches = await answered()
                }
                return Array(matches.prefix(count))
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let found else {
            let seen = await answered().count
            throw SandboxControlError(
                "Waited \(timeout) s for \(count) answered request(s) to \(pathPrefix ?? "any path"); saw \(seen)."
            )
        }
        return found
    }
}
