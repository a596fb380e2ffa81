import AsyncHTTPClient
import Foundation
import GRDB

/// The smallest Swift program that does, with the libraries the project is built on, what the agent does for
/// each event while a film plays: commit it to a SQLite outbox through GRDB (`synchronous = FULL`), read it
/// back, encode it as JSON with Foundation, POST it with AsyncHTTPClient, decode the answer and delete the row,
/// once every `interval` seconds. `punchplay-bench footprint` measures it beside the agent while a player plays,
/// as the floor of memory that delivery on this stack starts from.
@main
struct PlayingFloor {
    /// A playback event of the agent's shape.
    struct Event: Codable {
        var eventID: String
        var action: String
        var sessionID: String
        var title: String
        var year: Int
        var positionSeconds: Double
        var durationSeconds: Double
        var occurredAt: Date
        var player: String
    }

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let url = URL(string: arguments[1]), let interval = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: playing-floor URL OUTBOX-PATH INTERVAL-SECONDS\n".utf8))
            exit(64)
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: arguments[2], configuration: configuration)
        try await pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS event (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        var count = 0
        while true {
            count += 1
            let event = Event(
                eventID: "floor-\(count)", action: "progress", sessionID: "floor", title: "Sintel", year: 2010,
                positionSeconds: Double(count * interval), durationSeconds: 888, occurredAt: Date(), player: "mpv"
            )
            let body = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
            try await pool.write { db in try db.execute(sql: "INSERT INTO event (body) VALUES (?)", arguments: [body]) }
            let queued = try await pool.read { db in try String.fetchOne(db, sql: "SELECT body FROM event LIMIT 1") }
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Data((queued ?? body).utf8))
            if let response = try? await client.execute(request, timeout: .seconds(10)),
                let answer = try? await response.body.collect(upTo: 1 << 20)
            {
                _ = try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView))
            }
            try await pool.write { db in try db.execute(sql: "DELETE FROM event") }
            try await Task.sleep(for: .seconds(interval))
        }
    }
}
