import Foundation
import Logging

/// Carries out what the tray's menu asks for, through the same `AgentControl` methods the D-Bus interface calls
/// (pause, resume, retry), the `login` command for "Log in…", `xdg-open` for "Open PunchPlay", and SIGTERM to
/// itself for "Quit", so quitting is the same graceful shutdown as `systemctl --user stop`.
struct TrayCommands: Sendable {
    let control: AgentControl
    /// The PunchPlay site (`api_base_url`).
    let webAddress: String
    /// The configuration file the agent was started with, when the user named it (`--config`).
    let explicitConfigurationFile: String?
    let environment: [String: String]
    let logger: Logger

    func perform(_ action: TrayAction) async {
        do {
            switch action {
            case .pauseForOneHour:
                try await control.pauseReporting(seconds: 3600)
            case .pauseUntilResumed:
                try await control.pauseReporting(seconds: 0)
            case .resume:
                await control.resumeReporting()
            case .retryFailedEvents:
                let moved = try await control.retryDeadLetters(eventIDs: nil)
                logger.notice("tray: \(moved) failed event(s) queued again")
            case .openPunchPlay:
                try BrowserLauncher.open(webAddress)
            case .logIn:
                try startLogin()
            case .quit:
                logger.notice("tray: quit chosen; shutting down")
                kill(getpid(), SIGTERM)
            }
        } catch {
            logger.warning("tray: \(action) failed: \(error)")
        }
    }

    /// Runs `punchplay-mpris login --open` (this very binary): it shows the code in a notification, opens the
    /// browser and tells this agent about the new login when it is done.
    private func startLogin() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["login", "--open"] + (explicitConfigurationFile.map { ["--config", $0] } ?? [])
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        try process.run()
        logger.notice("tray: login started; confirm the code in the browser")
    }
}
