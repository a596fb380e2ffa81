import Foundation
import Outbox

/// The outbox as `punchplay-mpris queue` prints it: a few readable lines, or JSON with the full snapshot.
struct QueueReport: Encodable {
    let database: String
    /// Nil when no database exists yet (nothing was ever queued).
    let snapshot: OutboxSnapshot?

    enum CodingKeys: String, CodingKey {
        case database
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(database, forKey: .database)
        try (snapshot ?? Self.empty).encode(to: encoder)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    var text: String {
        let snapshot = snapshot ?? Self.empty
        var lines: [String] = []
        let sessions = snapshot.sessions.count
        let dead = snapshot.deadLetters.count
        lines.append(
            "Outbox \(database): \(snapshot.pendingCount) pending in \(sessions) session\(sessions == 1 ? "" : "s"), "
                + "\(dead) dead letter\(dead == 1 ? "" : "s")."
        )
        lines.append("Delivery: \(deliveryLine(snapshot))")
        if let error = snapshot.lastError {
            lines.append("Last error\(snapshot.lastErrorAt.map { " (\(Self.time($0)))" } ?? ""): \(error)")
        }
        if let success = snapshot.lastSuccessAt {
            lines.append("Last delivery: \(Self.time(success)).")
        }
        lines.append(
            "Delivered \(snapshot.deliveredCount), coalesced \(snapshot.coalescedCount), "
                + "evicted by the caps \(snapshot.evictedCount)."
        )
        if !snapshot.sessions.isEmpty {
            lines.append("")
            lines.append("Pending (oldest first):")
            for session in snapshot.sessions {
                lines.append(
                    "  session \(session.sessionID): "
                        + session.events.map(\.event.action.rawValue).joined(separator: ", "))
                if let head = session.events.first, head.attempts > 0 {
                    let next = head.nextAttemptAt.map { ", next attempt \(Self.time($0))" } ?? ""
                    lines.append("    \(head.attempts) failed attempt\(head.attempts == 1 ? "" : "s")\(next)")
                    if let error = head.lastError { lines.append("    last error: \(error)") }
                }
            }
        }
        if !snapshot.deadLetters.isEmpty {
            lines.append("")
            lines.append("Dead letters (retry with `punchplay-mpris queue retry [EVENT_ID...]`):")
            for letter in snapshot.deadLetters {
                let status = letter.status.map { "HTTP \($0)" } ?? "no response"
                let code = letter.errorCode.map { " \($0)" } ?? ""
                let request = letter.requestID.map { ", request id \($0)" } ?? ""
                lines.append(
                    "  \(Self.time(letter.failedAt)) \(letter.action) event \(letter.eventID) "
                        + "(session \(letter.sessionID)): \(status)\(code): \(letter.message)\(request)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    private func deliveryLine(_ snapshot: OutboxSnapshot) -> String {
        if let since = snapshot.loginRequiredSince {
            return "held since \(Self.time(since)) until you log in again (`punchplay-mpris login`)."
        }
        if let paused = snapshot.pausedUntil {
            return "paused by PunchPlay (Retry-After) until \(Self.time(paused))."
        }
        if let next = snapshot.nextAttemptAt {
            return "next attempt \(Self.time(next))."
        }
        return "nothing to send."
    }

    private static func time(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    private static let empty = OutboxSnapshot()
}
