import DBus
import Foundation
import Testing

@testable import Agent

/// The tray's pure mapping from the agent's status to its icon, status, tooltip and menu.
@Suite("the tray's presentation of the agent's status")
struct TrayPresentationTests {
    static let severance = AgentStatus.PlayingItem(
        busName: "org.mpris.MediaPlayer2.mpv", player: "mpv", status: "Playing", title: "Severance",
        kind: "episode", season: 1, episode: 9, positionSeconds: 1_250, lengthSeconds: 2_950, sessionID: "s1",
        state: .reporting
    )

    static func status(
        login: AgentStatus.Login = AgentStatus.Login(state: .loggedIn),
        playing: [AgentStatus.PlayingItem] = [],
        deadLetters: Int = 0,
        paused: Bool = false,
        pausedUntil: Date? = nil
    ) -> AgentStatus {
        AgentStatus(
            version: "1", login: login, playing: playing, queue: AgentStatus.Queue(deadLetters: deadLetters),
            reportingPaused: paused, reportingPausedUntil: pausedUntil
        )
    }

    static func enabledActions(_ presentation: TrayPresentation) -> [TrayAction] {
        presentation.menu.compactMap(\.clickAction)
    }

    @Test("nothing playing: the idle icon, 'Nothing is playing', pause entries on, resume and retry off")
    func idle() {
        let presentation = TrayPresentation(status: Self.status())
        #expect(presentation.mood == .idle)
        #expect(presentation.itemStatus == .active)
        #expect(presentation.iconName == "punchplay-mpris")
        #expect(presentation.toolTipTitle == "PunchPlay")
        #expect(presentation.toolTipLines == ["Nothing is playing"])
        #expect(presentation.menu.first == .label(1, "Nothing playing"))
        #expect(Self.enabledActions(presentation) == [.pauseForOneHour, .pauseUntilResumed, .openPunchPlay, .quit])
        #expect(presentation.menu.map(\.label).contains("Retry failed events (0)"))
        #expect(!presentation.menu.map(\.label).contains("Log in…"))
    }

    @Test("an episode being reported: the reporting icon, its title, episode and position in tooltip and menu")
    func reporting() {
        let presentation = TrayPresentation(status: Self.status(playing: [Self.severance]))
        #expect(presentation.mood == .reporting)
        #expect(presentation.iconName == "punchplay-mpris-reporting")
        #expect(presentation.toolTipLines == ["Reporting Severance S01E09 · 42 %"])
        #expect(presentation.menu.first == .label(100, "Severance S01E09 · 42 % (mpv)"))
        #expect(presentation.menu.first?.clickAction == nil)
    }

    @Test("without a length the position shows, with hours for a long film; without a title the player shows")
    func itemTexts() {
        var film = Self.severance
        film.title = "Dune"
        film.season = nil
        film.episode = nil
        film.lengthSeconds = nil
        film.positionSeconds = 3 * 3600 + 5 * 60 + 7
        #expect(TrayPresentation.itemText(film) == "Dune · 3:05:07")
        film.positionSeconds = 754.6
        #expect(TrayPresentation.itemText(film) == "Dune · 12:34")
        film.lengthSeconds = 0
        #expect(TrayPresentation.itemText(film) == "Dune · 12:34")
        var unknown = Self.severance
        unknown.title = nil
        unknown.season = nil
        unknown.episode = nil
        unknown.positionSeconds = nil
        #expect(TrayPresentation.itemText(unknown) == "mpv")
    }

    @Test("a player that is not reported says why in the tooltip")
    func notReported() {
        var trailer = Self.severance
        trailer.state = .notReported
        trailer.reason = "title matches ignore_titles"
        let presentation = TrayPresentation(status: Self.status(playing: [trailer]))
        #expect(presentation.mood == .idle)
        #expect(presentation.toolTipLines == ["Nothing is reported", "mpv: title matches ignore_titles"])
    }

    @Test("paused until resumed: the paused icon, only resume offered; a timed pause can still become open-ended")
    func paused() {
        let open = TrayPresentation(status: Self.status(playing: [Self.severance], paused: true))
        #expect(open.mood == .paused)
        #expect(open.itemStatus == .active)
        #expect(open.iconName == "punchplay-mpris-paused")
        #expect(open.toolTipLines == ["Reporting paused until you resume"])
        #expect(Self.enabledActions(open) == [.pauseForOneHour, .resume, .openPunchPlay, .quit])
        let end = Date(timeIntervalSince1970: 1_800_000_000)
        let timed = TrayPresentation(status: Self.status(paused: true, pausedUntil: end))
        #expect(timed.toolTipLines == ["Reporting paused until \(TrayPresentation.clockTime(end))"])
        #expect(Self.enabledActions(timed) == [.pauseForOneHour, .pauseUntilResumed, .resume, .openPunchPlay, .quit])
    }

    @Test("login needed or held: attention, the reason in the tooltip, 'Log in…' in the menu; even while paused")
    func loginNeeded() {
        let needed = TrayPresentation(
            status: Self.status(login: AgentStatus.Login(state: .needed, reason: "Not logged in."), paused: true))
        #expect(needed.mood == .attention)
        #expect(needed.itemStatus == .needsAttention)
        #expect(needed.iconName == "punchplay-mpris-attention")
        #expect(needed.toolTipLines.first == "Login needed: Not logged in.")
        #expect(Self.enabledActions(needed).contains(.logIn))
        let held = TrayPresentation(
            status: Self.status(login: AgentStatus.Login(state: .held, reason: "missing scope")))
        #expect(held.mood == .attention)
        #expect(held.toolTipLines.first == "Events held: missing scope")
        #expect(Self.enabledActions(held).contains(.logIn))
    }

    @Test("dead letters: attention and 'Retry failed events (N)' enabled")
    func deadLetters() {
        let presentation = TrayPresentation(status: Self.status(playing: [Self.severance], deadLetters: 3))
        #expect(presentation.mood == .attention)
        #expect(presentation.toolTipLines.first == "3 event(s) refused by PunchPlay: retry them from the menu")
        let retry = presentation.menu.first { $0.clickAction == .retryFailedEvents }
        #expect(retry?.label == "Retry failed events (3)")
    }

    @Test("a disk refusing the outbox: attention, and the tooltip says events wait in memory")
    func diskRefusing() {
        var status = Self.status(playing: [Self.severance])
        status.queue.diskRefusing = true
        let presentation = TrayPresentation(status: status)
        #expect(presentation.mood == .attention)
        #expect(presentation.iconName == "punchplay-mpris-attention")
        #expect(
            presentation.toolTipLines == [
                "The disk refuses the outbox: events wait in memory until it accepts them",
                "Reporting Severance S01E09 · 42 %",
            ])
    }

    @Test("a dry run is not attention and offers no login")
    func dryRun() {
        let presentation = TrayPresentation(status: Self.status(login: AgentStatus.Login(state: .dryRun)))
        #expect(presentation.mood == .idle)
        #expect(presentation.toolTipLines == ["Dry run: nothing is sent to PunchPlay", "Nothing is playing"])
        #expect(!Self.enabledActions(presentation).contains(.logIn))
    }

    @Test("the D-Bus shapes: ToolTip (sa(iiay)ss), the menu layout (ia{sv}av) with unique ids")
    func busShapes() {
        let presentation = TrayPresentation(status: Self.status(playing: [Self.severance]))
        #expect(presentation.toolTip.signature == "(sa(iiay)ss)")
        #expect(presentation.itemProperties["Status"] == .string("Active"))
        let layout = presentation.menuLayout()
        #expect(layout.signature == "(ia{sv}av)")
        guard case .structure(let root) = layout, case .array(_, let children) = root[2] else {
            Issue.record("layout is not (ia{sv}av)")
            return
        }
        #expect(children.count == presentation.menu.count)
        #expect(Set(presentation.menu.map(\.id)).count == presentation.menu.count)
        #expect(!presentation.menu.map(\.id).contains(0))
        let filtered = presentation.menu[0].layout(propertyNames: ["label"])
        #expect(
            filtered
                == .structure([
                    .int32(100), .stringVariantDictionary([("label", .string("Severance S01E09 · 42 % (mpv)"))]),
                    .array(elementSignature: "v", []),
                ]))
    }

    @Test("the icon theme path: the variable first, then share/icons beside an installed bin/, else empty")
    func iconThemePath() {
        let icon = "/usr/share/icons/hicolor/scalable/apps/punchplay-mpris.svg"
        #expect(
            TrayIconThemePath.resolve(
                environment: ["PUNCHPLAY_MPRIS_ICON_THEME_PATH": "/src/packaging/icons"],
                executablePath: "/usr/bin/punchplay-mpris", fileExists: { _ in true }) == "/src/packaging/icons")
        #expect(
            TrayIconThemePath.resolve(
                environment: [:], executablePath: "/usr/bin/punchplay-mpris", fileExists: { $0 == icon })
                == "/usr/share/icons")
        #expect(
            TrayIconThemePath.resolve(
                environment: [:], executablePath: "/build/debug/punchplay-mpris", fileExists: { $0 == icon }) == "")
    }
}
