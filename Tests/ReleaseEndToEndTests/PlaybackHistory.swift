import PunchPlaySandbox
import Testing

/// The rules every scenario's history must keep, whatever the scenario: each event delivered exactly once and
/// applied, and each session a `start`, its middle, and one `stop`, stamped in order.
enum PlaybackHistory {
    /// Each event as "action S<n> title", sessions numbered in order of appearance, so a run compares with
    /// the list a person would write, whatever the generated session ids.
    static func summary(_ events: [ReportedEvent]) -> [String] {
        var ordinals: [String: Int] = [:]
        for event in events where ordinals[event.sessionID] == nil {
            ordinals[event.sessionID] = ordinals.count + 1
        }
        return events.map { "\($0.action) S\(ordinals[$0.sessionID] ?? 0) \($0.title ?? "")" }
    }

    /// The summary of one session of `title` that was paused and resumed once.
    static func pausedAndResumed(_ title: String) -> [String] {
        ["start", "pause", "resume", "stop"].map { "\($0) S1 \(title)" }
    }

    /// The summary of `first` played and stopped, then `second`, each its own session.
    static func oneAfterTheOther(_ first: String, _ second: String) -> [String] {
        ["start S1 \(first)", "stop S1 \(first)", "start S2 \(second)", "stop S2 \(second)"]
    }

    /// The events of each session in order of appearance.
    static func sessions(_ events: [ReportedEvent]) -> [[ReportedEvent]] {
        var order: [String] = []
        var bySession: [String: [ReportedEvent]] = [:]
        for event in events {
            if bySession[event.sessionID] == nil { order.append(event.sessionID) }
            bySession[event.sessionID, default: []].append(event)
        }
        return order.map { bySession[$0] ?? [] }
    }

    /// Checks exactly-once delivery and well-formed sessions: no event id accepted twice, none sent again
    /// after a 200 (except a `stop` when `stopMayBeResent`), nothing ignored by the service, every session one
    /// `start` first and one `stop` last (nothing left open), `event_created_at` strictly increasing within a
    /// session.
    ///
    /// - Parameter stopMayBeResent: at SIGTERM the agent may send a `stop` again with the same `event_id`
    ///   although the service already answered it (the answer raced the shutdown); the service deduplicates it.
    static func expectDeliveredOnceAndClosed(
        _ events: [ReportedEvent],
        requests: [RecordedRequest],
        stopMayBeResent: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(
            Set(events.map(\.eventID)).count == events.count, "an event accepted twice", sourceLocation: sourceLocation)
        var answered: [String: [String]] = [:]
        for request in requests where request.responseStatus == 200 {
            let eventID = try ReportedEvent.object(request.body)["event_id"] as? String ?? ""
            answered[eventID, default: []].append(request.path)
        }
        let resent = answered.values.filter { $0.count > 1 }
        let tolerated = stopMayBeResent ? resent.filter { $0.allSatisfy { $0.hasSuffix("/stop") } } : []
        #expect(
            resent.count == tolerated.count, "sent again after a 200: \(resent)", sourceLocation: sourceLocation
        )
        #expect(
            events.allSatisfy { $0.ignoredReason == nil }, "ignored by the service: \(events)",
            sourceLocation: sourceLocation)
        for session in sessions(events) {
            let actions = session.map(\.action)
            #expect(
                actions.first == "start" && actions.last == "stop"
                    && actions.filter { $0 == "start" }.count == 1 && actions.filter { $0 == "stop" }.count == 1,
                "a session is start ... stop: \(actions)", sourceLocation: sourceLocation
            )
            let stamps = session.map(\.createdAt)
            #expect(stamps == stamps.sorted() && Set(stamps).count == stamps.count, sourceLocation: sourceLocation)
        }
    }
}
