/// One `KEY=VALUE` line of the service-manager notification protocol (`sd_notify(3)`).
public enum ServiceManagerState: Sendable, Hashable {
    /// Start-up finished: the agent is watching the bus and delivering.
    case ready
    /// Graceful shutdown began.
    case stopping
    /// Configuration reload began (SIGHUP); followed by `ready` when done.
    case reloading(monotonicMicroseconds: UInt64)
    /// Keep-alive for `WatchdogSec=`.
    case watchdog
    /// A one-line status shown by `systemctl --user status`.
    case status(String)

    /// The line as the protocol spells it.
    var assignment: String {
        switch self {
        case .ready: "READY=1"
        case .stopping: "STOPPING=1"
        case .reloading(let micros): "RELOADING=1\nMONOTONIC_USEC=\(micros)"
        case .watchdog: "WATCHDOG=1"
        case .status(let text): "STATUS=" + text.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }
}
