import Agent
import Foundation
import Logging
import Testing

@Suite("Log line formats and levels")
struct LoggingFormatTests {
    static let date = Date(timeIntervalSince1970: 1_795_946_400.25)

    @Test(
        "journal lines carry the syslog priority and no timestamp",
        arguments: [
            (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ])
    func journalPriority(_ level: Logger.Level, _ priority: Int) {
        let line = LogLineFormatter(format: .journal).line(
            level: level, label: "agent", message: "sent start", metadata: [:], date: Self.date)
        #expect(line == "<\(priority)>agent: sent start")
    }

    @Test("terminal lines carry a timestamp and the level; metadata is sorted and quoted when needed")
    func terminalLine() throws {
        let formatter = LogLineFormatter(format: .terminal, timeZone: try #require(TimeZone(identifier: "UTC")))
        let line = formatter.line(
            level: .info,
            label: "outbox",
            message: "sent",
            metadata: [
                "title": .string("The Office"), "status": .stringConvertible(200), "empty": .string(""),
                "ids": .array([.string("a"), .string("b")]), "extra": .dictionary(["z": "1", "a": "x y"]),
            ],
            date: Self.date
        )
        #expect(
            line
                == "2026-11-29T10:00:00.250Z info outbox: sent empty=\"\" extra={a=\"x y\", z=1} ids=[a, b] "
                + "status=200 title=\"The Office\""
        )
    }

    @Test("control characters from players cannot break a record into several lines")
    func controlCharacters() {
        let line = LogLineFormatter(format: .journal).line(
            level: .info, label: "mpris", message: "title\nfake <3>line",
            metadata: ["title": .string("a\rb\u{1B}[31m")], date: Self.date)
        #expect(line == #"<6>mpris: title\nfake <3>line title="a\rb\u{1b}[31m""#)
    }

    @Test("the journal format is used exactly when systemd connected the output to the journal")
    func formatDetection() {
        #expect(LogFormat.detect(environment: ["JOURNAL_STREAM": "8:12345"]) == .journal)
        #expect(LogFormat.detect(environment: [:]) == .terminal)
        #expect(LogFormat.detect(environment: ["JOURNAL_STREAM": ""]) == .terminal)
    }

    @Test("--debug and PUNCHPLAY_MPRIS_DEBUG turn on debug; a configured trace stays trace")
    func levelResolution() {
        #expect(AgentLogging.level(configured: .info, debugFlag: false, environment: [:]) == .info)
        #expect(AgentLogging.level(configured: .warning, debugFlag: true, environment: [:]) == .debug)
        #expect(
            AgentLogging.level(configured: .info, debugFlag: false, environment: ["PUNCHPLAY_MPRIS_DEBUG": "1"])
                == .debug)
        #expect(
            AgentLogging.level(configured: .info, debugFlag: false, environment: ["PUNCHPLAY_MPRIS_DEBUG": "TRUE"])
                == .debug
        )
        #expect(
            AgentLogging.level(configured: .info, debugFlag: false, environment: ["PUNCHPLAY_MPRIS_DEBUG": "0"])
                == .info)
        #expect(AgentLogging.level(configured: .trace, debugFlag: true, environment: [:]) == .trace)
    }

    @Test("handlers follow the shared level control unless a logger set its own level")
    func levelControl() {
        let sink = LoggingTestSink()
        let control = LogLevelControl(level: .info)
        let factory: (String) -> any LogHandler = { label in
            AgentLogHandler(
                label: label, formatter: LogLineFormatter(format: .journal), sink: sink, levelControl: control)
        }
        let follower = Logger(label: "follower", factory: factory)
        var pinned = Logger(label: "pinned", factory: factory)
        pinned.logLevel = .error

        follower.debug("hidden")
        control.setLevel(.debug)
        follower.debug("shown")
        pinned.warning("pinned hidden")
        pinned.error("pinned shown")

        #expect(sink.lines == ["<7>follower: shown", "<3>pinned: pinned shown"])
        #expect(follower.logLevel == .debug)
    }

    @Test("handler, provider and event metadata are merged, the event winning")
    func metadataMerge() {
        let sink = LoggingTestSink()
        let provider = Logger.MetadataProvider { ["session": "s1", "player": "provider"] }
        var logger = Logger(label: "core") { label in
            AgentLogHandler(
                label: label, formatter: LogLineFormatter(format: .journal), sink: sink,
                levelControl: LogLevelControl(level: .info), metadataProvider: provider)
        }
        logger[metadataKey: "player"] = "handler"
        logger[metadataKey: "device"] = "pc"
        logger.info("decided", metadata: ["player": "event"])
        #expect(sink.lines == ["<6>core: decided device=pc player=event session=s1"])
        #expect(logger[metadataKey: "device"] == "pc")
    }
}
