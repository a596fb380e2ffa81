import Foundation
import PunchPlaySandbox

/// One playback event the sandbox accepted, with the body fields the scenarios assert on decoded.
struct ReportedEvent: Sendable, CustomStringConvertible {
    let action: String
    let sessionID: String
    let eventID: String
    let createdAt: Int64
    let title: String?
    let positionSeconds: Int?
    let durationSeconds: Int?
    let progress: Double?
    /// `watched` as sent; `nil` when the agent left it out.
    let watched: Bool?
    /// Why the sandbox applied nothing (`stale_event`, ...), `nil` when the event was applied.
    let ignoredReason: String?

    init(_ accepted: AcceptedEvent) throws {
        let body = try ReportedEvent.object(accepted.body)
        action = accepted.action
        sessionID = accepted.sessionID
        eventID = accepted.eventID
        createdAt = accepted.eventCreatedAt
        ignoredReason = accepted.ignoredReason
        title = body["title"] as? String
        positionSeconds = (body["position_seconds"] as? NSNumber)?.intValue
        durationSeconds = (body["duration_seconds"] as? NSNumber)?.intValue
        progress = (body["progress"] as? NSNumber)?.doubleValue
        watched = body["watched"] as? Bool
    }

    var description: String {
        "\(action) \(title ?? "?") at \(positionSeconds.map(String.init) ?? "?")/\(durationSeconds.map(String.init) ?? "?") s"
            + (watched.map { " watched=\($0)" } ?? "")
    }

    /// The JSON object of a request body.
    static func object(_ body: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw ScenarioError("a playback body is not a JSON object: \(body)")
        }
        return object
    }
}
