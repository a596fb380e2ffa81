import Logging
import Synchronization

/// The agent-wide log level, changeable at run time (SIGHUP reload, `--debug`): every `AgentLogHandler`
/// reads it unless its own `Logger` had a level set explicitly.
///
/// A `Mutex` because log handlers are called synchronously from any thread and cannot await an actor.
public final class LogLevelControl: Sendable {
    private let storage: Mutex<Logger.Level>

    public init(level: Logger.Level) {
        storage = Mutex(level)
    }

    /// The current level.
    public var level: Logger.Level {
        storage.withLock { $0 }
    }

    /// Changes the level for every handler that follows this control.
    public func setLevel(_ level: Logger.Level) {
        storage.withLock { $0 = level }
    }
}
