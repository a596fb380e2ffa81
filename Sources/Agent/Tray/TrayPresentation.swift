import Foundation

/// What the tray icon shows for one `AgentStatus`: the StatusNotifierItem status, icon and tooltip, and the
/// menu. A pure mapping with no I/O, so every state can be checked in a unit test; `TrayIcon` puts it on the bus.
struct TrayPresentation: Sendable, Hashable {
    /// The four looks of the icon, most urgent first.
    enum Mood: Sendable, Hashable {
        /// Something needs the user: a login, events PunchPlay refused for good, or a disk refusing the outbox.
        case attention
        /// The user paused reporting.
        case paused
        /// Something is being reported.
        case reporting
        /// Nothing is being reported, and nothing is wrong.
        case idle
    }

    /// The StatusNotifierItem `Status` values.
    enum ItemStatus: String, Sendable, Hashable {
        case passive = "Passive"
        case active = "Active"
        case needsAttention = "NeedsAttention"
    }

    var mood: Mood
    var itemStatus: ItemStatus
    var iconName: String
    var toolTipTitle: String
    /// The tooltip's lines: what is reported, or why nothing is.
    var toolTipLines: [String]
    var menu: [TrayMenuItem]

    /// The fixed ids of the menu's entries; the items being played take the ids from `firstItemID` on.
    enum MenuID {
        static let nothingPlaying: Int32 = 1
        static let pauseForOneHour: Int32 = 2
        static let pauseUntilResumed: Int32 = 3
        static let resume: Int32 = 4
        static let logIn: Int32 = 5
        static let retryFailedEvents: Int32 = 6
        static let openPunchPlay: Int32 = 7
        static let quit: Int32 = 8
        static let firstSeparator: Int32 = 90
        static let firstItemID: Int32 = 100
    }

    init(status: AgentStatus) {
        let reported = status.playing.filter { $0.state == .reporting }
        let loginNeeded = status.login.state == .needed || status.login.state == .held
        if loginNeeded || status.queue.deadLetters > 0 || status.queue.diskRefusing {
            mood = .attention
        } else if status.reportingPaused {
            mood = .paused
        } else if !reported.isEmpty {
            mood = .reporting
        } else {
            mood = .idle
        }
        itemStatus = mood == .attention ? .needsAttention : .active
        iconName =
            switch mood {
            case .attention: TrayIconName.attention
            case .paused: TrayIconName.paused
            case .reporting: TrayIconName.reporting
            case .idle: TrayIconName.idle
            }
        toolTipTitle = "PunchPlay"
        toolTipLines = Self.toolTipLines(status: status, reported: reported)
        menu = Self.menu(status: status)
    }

    /// "Severance S01E09 · 42 %": the item as identified (or the player's name), its episode, and how far it is
    /// (the position when the player tells no length).
    static func itemText(_ item: AgentStatus.PlayingItem) -> String {
        var text = item.title ?? item.player
        if let season = item.season, let episode = item.episode {
            text += String(format: " S%02dE%02d", season, episode)
        } else if let episode = item.episode {
            text += String(format: " E%02d", episode)
        }
        if let position = item.positionSeconds, let length = item.lengthSeconds, length > 0 {
            text += " · \(Int((min(position, length) / length * 100).rounded(.down))) %"
        } else if let position = item.positionSeconds {
            text += " · " + Self.position(position)
        }
        return text
    }

    /// The time of day a timed pause ends, as the agent's own messages write it.
    static func clockTime(_ date: Date) -> String {
        date.formatted(date: .omitted, time: .shortened)
    }

    private static func position(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    private static func toolTipLines(status: AgentStatus, reported: [AgentStatus.PlayingItem]) -> [String] {
        var lines: [String] = []
        switch status.login.state {
        case .needed:
            lines.append("Login needed: " + (status.login.reason.isEmpty ? "log in to PunchPlay" : status.login.reason))
        case .held:
            lines.append("Events held: " + status.login.reason)
        case .dryRun:
            lines.append("Dry run: nothing is sent to PunchPlay")
        case .loggedIn:
            break
        }
        if status.queue.diskRefusing {
            lines.append("The disk refuses the outbox: events wait in memory until it accepts them")
        }
        if status.queue.deadLetters > 0 {
            lines.append("\(status.queue.deadLetters) event(s) refused by PunchPlay: retry them from the menu")
        }
        if status.reportingPaused {
            let end = status.reportingPausedUntil.map { "until \(clockTime($0))" } ?? "until you resume"
            lines.append("Reporting paused \(end)")
        } else if reported.isEmpty {
            let reasons = status.playing.map { item in
                "\(item.player): " + (item.state == .settling ? "about to be reported" : item.reason ?? "not reported")
            }
            lines.append(reasons.isEmpty ? "Nothing is playing" : "Nothing is reported")
            lines += reasons
        } else {
            lines += reported.map { "Reporting " + itemText($0) }
        }
        return lines
    }

    private static func menu(status: AgentStatus) -> [TrayMenuItem] {
        var items: [TrayMenuItem] =
            status.playing.isEmpty
            ? [.label(MenuID.nothingPlaying, "Nothing playing")]
            : status.playing.enumerated().map { index, item in
                .label(MenuID.firstItemID + Int32(index), itemText(item) + " (\(item.player))")
            }
        items.append(.separator(MenuID.firstSeparator))
        let timedOrOff = !status.reportingPaused || status.reportingPausedUntil != nil
        items.append(.action(MenuID.pauseForOneHour, "Pause reporting for 1 hour", .pauseForOneHour))
        items.append(.action(MenuID.pauseUntilResumed, "Pause until resumed", .pauseUntilResumed, enabled: timedOrOff))
        items.append(.action(MenuID.resume, "Resume reporting", .resume, enabled: status.reportingPaused))
        items.append(.separator(MenuID.firstSeparator + 1))
        if status.login.state == .needed || status.login.state == .held {
            items.append(.action(MenuID.logIn, "Log in…", .logIn))
        }
        let failed = status.queue.deadLetters
        items.append(
            .action(
                MenuID.retryFailedEvents, "Retry failed events (\(failed))", .retryFailedEvents, enabled: failed > 0)
        )
        items.append(.action(MenuID.openPunchPlay, "Open PunchPlay", .openPunchPlay))
        items.append(.separator(MenuID.firstSeparator + 2))
        items.append(.action(MenuID.quit, "Quit", .quit))
        return items
    }
}
