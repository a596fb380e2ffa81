import Foundation

/// A device code as the sandbox sees it, so a test can find the code a client is waiting on and approve it.
public struct DeviceCodeInfo: Codable, Sendable, Equatable {
    /// Where a device code stands.
    public enum Status: String, Codable, Sendable {
        case pending, approved, denied, expired, consumed
    }

    /// The secret code the client polls with.
    public var deviceCode: String
    /// The code the user types, e.g. `BCDF-GHJK`.
    public var userCode: String
    /// The app that asked for it.
    public var clientID: String
    /// Scopes it will grant.
    public var scopes: [String]
    /// Current status (`expired` once its lifetime is over).
    public var status: Status
    /// Polls received so far.
    public var polls: Int
    /// `device_id` / `device_name` of the successful poll, if sent.
    public var deviceID: String?
    public var deviceName: String?
    /// When it stops being usable (the sandbox clock).
    public var expiresAt: Date
}
