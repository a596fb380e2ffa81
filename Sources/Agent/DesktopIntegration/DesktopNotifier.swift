import DBus

/// Shows desktop notifications through `org.freedesktop.Notifications` (the login code, "log in again",
/// optionally "now watching"), replacing its own previous bubble instead of stacking new ones.
/// A session without a notification daemon is normal (servers, minimal window managers): failures are
/// returned, never thrown, and the agent only logs them.
public actor DesktopNotifier {
    private let connection: DBusConnection
    private let applicationName: String
    private var lastNotificationID: UInt32 = 0

    public init(connection: DBusConnection, applicationName: String = "PunchPlay") {
        self.connection = connection
        self.applicationName = applicationName
    }

    /// Shows `summary` and `body`, replacing the bubble this notifier showed last.
    /// - Returns: the failure when no notification daemon answered, nil when shown.
    @discardableResult
    public func show(summary: String, body: String, urgency: Urgency = .normal) async -> DBusError? {
        let hints = DBusValue.dictionary(
            keySignature: "s", valueSignature: "v",
            [DBusDictionaryEntry(key: .string("urgency"), value: .variant(.byte(urgency.rawValue)))])
        do {
            let reply = try await connection.call(
                destination: "org.freedesktop.Notifications",
                path: "/org/freedesktop/Notifications",
                interface: "org.freedesktop.Notifications",
                member: "Notify",
                arguments: [
                    .string(applicationName), .uint32(lastNotificationID), .string("video-x-generic"),
                    .string(summary), .string(body), .array(elementSignature: "s", []), hints, .int32(-1),
                ],
                timeout: .seconds(2))
            if case .uint32(let id) = reply.first { lastNotificationID = id }
            return nil
        } catch let error as DBusError {
            return error
        } catch {
            return DBusError(.failed, "\(error)")
        }
    }

    /// How insistent a notification is, as the specification's `urgency` hint.
    public enum Urgency: UInt8, Sendable {
        case low = 0
        case normal = 1
        case critical = 2
    }
}
