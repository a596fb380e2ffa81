import AsyncHTTPClient
import DBus
import Foundation
import GRDB

/// The smallest Swift program that turns a player's `PlaybackStatus` change into a POST the way the agent
/// does, with the libraries the agent is built on: the project's libdbus edge delivers the signal, a
/// `Position` read follows it, a timer waits out the settle window counted from the signal, the event is
/// committed to a SQLite outbox in WAL mode without waiting for the disk (as the agent's intake commits), encoded
/// with Foundation's JSON and POSTed with AsyncHTTPClient on a kept-alive connection. Nothing else: no
/// configuration, identification, session model, pacing or log. `punchplay-bench reaction --subject floor`
/// measures it beside the agent, in the same run, as the floor a Swift program on this stack reacts from.
@main
struct ReactionFloor {
    /// A playback event of the agent's shape.
    struct Event: Codable {
        var eventID: String
        var action: String
        var positionSeconds: Double
        var occurredAt: Date
        var player: String
    }

    static let playerPath = "/org/mpris/MediaPlayer2"
    static let playerInterface = "org.mpris.MediaPlayer2.Player"

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let base = URL(string: arguments[1]), let settle = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: reaction-floor URL OUTBOX-PATH|- SETTLE-MS\n".utf8))
            exit(64)
        }
        let outbox = arguments[2] == "-" ? nil : try openOutbox(arguments[2])
        let bus = try await DBusConnection.session()
        let changes = try await bus.signals(
            matching: MatchRule(
                interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged", path: playerPath,
                arguments: [0: playerInterface]
            )
        )
        let delivery = Delivery(
            base: base, outbox: outbox, client: HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        )
        var count = 0
        // A first request, as the agent's `start`, opens the connection the reactions then reuse.
        try await delivery.send(
            Event(eventID: "floor-0", action: "start", positionSeconds: 0, occurredAt: Date(), player: ""))
        for await signal in changes {
            let signalled = ContinuousClock.now
            guard signal.arguments.count >= 2,
                let status = signal.arguments[1].asStringDictionary?["PlaybackStatus"]?.unwrappedVariant.asString
            else { continue }
            let position = try? await bus.getProperty(
                destination: signal.sender, path: playerPath, interface: playerInterface, name: "Position"
            ).asInt64
            try await Task.sleep(until: signalled.advanced(by: .milliseconds(settle)), clock: .continuous)
            count += 1
            try await delivery.send(
                Event(
                    eventID: "floor-\(count)", action: status == "Paused" ? "pause" : "resume",
                    positionSeconds: Double(position ?? 0) / 1_000_000, occurredAt: Date(), player: signal.sender
                )
            )
        }
    }

    /// The outbox: WAL, and commits that do not wait for the disk (`synchronous = NORMAL`), as the agent's intake
    /// commits a fresh event before it sends it and flushes after.
    static func openOutbox(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS event (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        }
        return pool
    }

    /// Where events go: the outbox first, then the service.
    struct Delivery {
        let base: URL
        let outbox: DatabasePool?
        let client: HTTPClient

        /// Commits `event`, POSTs it to `base`/ACTION, reads the answer, and deletes the event from the outbox.
        func send(_ event: Event) async throws {
            let body = try JSONEncoder().encode(event)
            try await outbox?.write { db in
                try db.execute(sql: "INSERT INTO event (body) VALUES (?)", arguments: [body])
            }
            var request = HTTPClientRequest(url: base.appendingPathComponent(event.action).absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
            if let response = try? await client.execute(request, timeout: .seconds(10)) {
                _ = try? await response.body.collect(upTo: 1 << 20)
            }
            try await outbox?.write { db in try db.execute(sql: "DELETE FROM event") }
        }
    }
}
