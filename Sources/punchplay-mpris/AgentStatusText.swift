import Agent
import Foundation

/// The running agent's view as the lines of `status`: login as the agent holds it, private mode, each player and
/// what is reported of it, and the queue.
enum AgentStatusText {
    static func lines(for status: AgentStatus) -> [String] {
        var lines = ["Agent:         running (\(status.version))"]
        switch status.login.state {
        case .loggedIn: lines.append("  Login:       logged in as \(status.account)")
        case .needed: lines.append("  Login:       needed — \(status.login.reason)")
        case .held: lines.append("  Login:       events held — \(status.login.reason)")
        case .dryRun: lines.append("  Login:       none (dry run: nothing is sent)")
        }
        if status.reportingPaused {
            let end = status.reportingPausedUntil.map { "until \($0.formatted(date: .abbreviated, time: .shortened))" }
            lines.append("  Reporting:   paused \(end ?? "until `punchplay-mpris resume`")")
        } else {
            lines.append("  Reporting:   on")
        }
        if status.playing.isEmpty {
            lines.append("  Players:     none")
        }
        for item in status.playing {
            lines.append("  Player:      \(item.player) (\(item.busName)) — \(item.status)")
            if let title = item.title { lines.append("    Item:      \(describe(title: title, item))") }
            lines.append("    Reported:  \(describe(state: item))")
        }
        var queue = "\(status.queue.pending) pending, \(status.queue.deadLetters) dead letter"
        queue += status.queue.deadLetters == 1 ? "" : "s"
        if let reason = status.queue.holdReason { queue += " — \(reason)" }
        if let next = status.queue.nextAttemptAt {
            queue += " (next attempt \(next.formatted(date: .omitted, time: .standard)))"
        }
        lines.append("  Queue:       \(queue)")
        return lines
    }

    private static func describe(title: String, _ item: AgentStatus.PlayingItem) -> String {
        var text = title
        if let season = item.season, let episode = item.episode {
            text += String(format: " S%02dE%02d", season, episode)
        } else if let episode = item.episode {
            text += " episode \(episode)"
        }
        if let kind = item.kind { text += " (\(kind))" }
        if let position = item.positionSeconds {
            let seconds = Int(position)
            text += String(format: " at %d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        return text
    }

    private static func describe(state item: AgentStatus.PlayingItem) -> String {
        switch item.state {
        case .reporting: "yes, session \(item.sessionID ?? "?")"
        case .settling: "not yet (waiting for playback to settle)"
        case .paused: "no (private mode)"
        case .notReported: "no" + (item.reason.map { " — \($0)" } ?? "")
        }
    }
}
