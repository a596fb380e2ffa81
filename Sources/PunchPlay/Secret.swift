/// A token or client secret. It exists so a secret can travel through the code without ever being printed:
/// `description`, `debugDescription`, `dump` and string interpolation all show `<redacted>`.
/// - Warning: `exposedValue` is the only way to the text; use it only where the secret goes on the wire
///   or into a credential store, never into a log, an error message or argv.
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret text itself.
    public let exposedValue: String

    public init(_ exposedValue: String) {
        self.exposedValue = exposedValue
    }

    public init(from decoder: any Decoder) throws {
        exposedValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(exposedValue)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    /// No children, so `dump` and debuggers show only `<redacted>`.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
