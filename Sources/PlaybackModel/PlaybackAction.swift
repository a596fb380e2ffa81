/// The five playback writes of the contract, `POST /playback/{action}`.
public enum PlaybackAction: String, Sendable, Hashable, Codable, CaseIterable {
    case start
    case pause
    case resume
    case progress
    case stop
}
