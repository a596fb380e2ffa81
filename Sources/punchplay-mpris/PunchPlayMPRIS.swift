import Agent
import ArgumentParser

/// The `punchplay-mpris` command: the agent and the tools around it.
@main
struct PunchPlayMPRIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "punchplay-mpris",
        abstract: "Reports what your media players play to PunchPlay.",
        discussion: """
            The running agent owns tv.punchplay.Mpris on the session bus (one agent per session) and exports \
            /tv/punchplay/Mpris with the interface tv.punchplay.Mpris1. Properties: Version (s), Account (s), \
            LoginState ((ss): logged_in, needed, held or dry_run, and the reason), Playing (aa{sv}: per player \
            bus_name, player, status, title, kind, season, episode, position_seconds, session_id, state, reason), \
            Queue (a{sv}: pending, dead_letters, hold_reason, next_attempt_at), ReportingPaused (b) and \
            ReportingPausedUntil (x, Unix seconds, 0 for none); each change is announced with PropertiesChanged. \
            Methods, for the agent's own user only: PauseReporting(t seconds, 0 = until resumed), \
            ResumeReporting(), RetryDeadLetters(as event_ids, empty = all) -> u, \
            PurgeQueue(b dead_letters_only) -> (u events, u dead_letters), Reload(), LoggedIn(), LoggedOut(). \
            status, queue retry|purge, login, logout, pause and resume go through it while the agent runs. \
            Example: busctl --user get-property tv.punchplay.Mpris /tv/punchplay/Mpris tv.punchplay.Mpris1 Playing
            """,
        version: VersionText.text,
        subcommands: [
            RunCommand.self,
            IdentifyCommand.self,
            ConfigCommand.self,
            LoginCommand.self,
            LogoutCommand.self,
            QueueCommand.self,
            StatusCommand.self,
            PauseCommand.self,
            ResumeCommand.self,
            PlayersCommand.self,
            DoctorCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Keeps the heap in one malloc arena from the first thread on (``HeapArenaLimit``), then runs the command.
    static func main() async {
        HeapArenaLimit.apply()
        await main(nil)
    }
}
