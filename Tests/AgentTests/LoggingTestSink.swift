import Agent
import Synchronization

/// Collects log lines in memory so tests can read exactly what would have been written.
final class LoggingTestSink: LogSink {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    func write(line: String) {
        storage.withLock { $0.append(line) }
    }
}
