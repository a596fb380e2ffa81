/// A device code the user is asked to approve (§2): what to show them, and the secret code to poll with.
public struct DeviceAuthorization: Sendable, Decodable {
    /// The short code the user types at `verificationURI`.
    public var userCode: String
    public var verificationURI: String
    /// The URL with the code pre-filled, for `--open`.
    public var verificationURIComplete: String?
    /// A `data:image/png;base64,...` QR code of `verificationURIComplete`.
    public var verificationURIQR: String?
    /// How long the code lives; 600 s when the service does not say.
    public var expiresIn: Duration
    /// A polling interval, should the service ever send one; otherwise 5 s.
    public var interval: Duration?
    var deviceCode: Secret

    enum CodingKeys: String, CodingKey {
        case userCode = "user_code"
        case verificationURI = "verification_uri"
        case verificationURIComplete = "verification_uri_complete"
        case verificationURIQR = "verification_uri_qr"
        case expiresIn = "expires_in"
        case interval
        case deviceCode = "device_code"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        deviceCode = try container.decode(Secret.self, forKey: .deviceCode)
        userCode = try container.decode(String.self, forKey: .userCode)
        verificationURI = try container.decode(String.self, forKey: .verificationURI)
        verificationURIComplete = try container.decodeIfPresent(String.self, forKey: .verificationURIComplete)
        verificationURIQR = try container.decodeIfPresent(String.self, forKey: .verificationURIQR)
        let seconds = try container.decodeIfPresent(Int.self, forKey: .expiresIn)
        expiresIn = .seconds(seconds.flatMap { $0 > 0 ? $0 : nil } ?? 600)
        interval = try container.decodeIfPresent(Int.self, forKey: .interval).flatMap { $0 > 0 ? .seconds($0) : nil }
    }
}
