import Scrobbling
import Testing

/// Reads a stream of `ReportingActivity` values as they come and keeps them, so a test can wait for the
/// n-th value — a signal, not a sleep — and compare the whole sequence at the end.
actor ActivityRecorder {
    private(set) var values: [ReportingActivity] = []
    private(set) var finished = false

    /// Starts reading `updates` until it finishes.
    nonisolated func read(_ updates: AsyncStream<ReportingActivity>) -> Task<Void, Never> {
        Task {
            for await value in updates {
                await record(value)
            }
            await finish()
        }
    }

    private func record(_ value: ReportingActivity) {
        values.append(value)
    }

    private func finish() {
        finished = true
    }

    /// Returns once `count` values have been read, or records an issue after giving the reader many turns.
    func waitForValues(_ count: Int, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<10_000 {
            if values.count >= count { return }
            await Task.yield()
        }
        Issue.record("only \(values.count) of \(count) values were read", sourceLocation: sourceLocation)
    }
}
