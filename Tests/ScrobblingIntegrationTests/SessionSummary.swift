import PlaybackModel
import PunchPlay

/// Each event as "action S<n> title", sessions numbered in order of appearance, so a real player's run can
/// be compared with the events a person would write down, whatever the generated session ids.
func sessionSummary(_ events: [PlaybackEvent]) -> [String] {
    var ordinals: [String: Int] = [:]
    for event in events where ordinals[event.payload.playbackSessionID] == nil {
        ordinals[event.payload.playbackSessionID] = ordinals.count + 1
    }
    return events.map { event in
        "\(event.action.rawValue) S\(ordinals[event.payload.playbackSessionID] ?? 0) \(event.payload.title ?? "")"
    }
}
