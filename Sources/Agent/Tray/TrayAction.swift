/// What a click on a tray menu entry asks the agent to do. Each case is carried out by `TrayCommands` through
/// the same `AgentControl` methods the D-Bus interface calls.
enum TrayAction: Sendable, Hashable {
    case pauseForOneHour
    case pauseUntilResumed
    case resume
    case logIn
    case retryFailedEvents
    case openPunchPlay
    case quit
}
