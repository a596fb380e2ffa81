/// How log lines look: for the journal (a `<N>` syslog priority prefix journald turns into the entry's
/// priority, no timestamp because journald adds its own) or for a person (a timestamp and the level name).
public enum LogFormat: Sendable, Equatable {
    case journal
    case terminal

    /// `journal` when systemd connected standard error to the journal (it sets `JOURNAL_STREAM` for units),
    /// otherwise `terminal`: a terminal, a pipe or an autostart session log all read better with timestamps.
    public static func detect(environment: [String: String]) -> LogFormat {
        if let stream = environment["JOURNAL_STREAM"], !stream.isEmpty { return .journal }
        return .terminal
    }
}
