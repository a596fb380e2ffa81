import DBus

/// The desktop side of `punchplay-mpris login`: the code in a notification (the terminal may be hidden
/// behind the browser), replaced by "Logged in" when it is done. Without a session bus or a notification
/// daemon it silently does nothing: the terminal shows the same text.
public actor LoginNotice {
    private let connection: DBusConnection?
    private let notifier: DesktopNotifier?

    /// Connects to the session bus when `enabled` (`[log] notifications`).
    public init(enabled: Bool) async {
        connection = enabled ? try? await DBusConnection.session() : nil
        notifier = connection.map { DesktopNotifier(connection: $0) }
    }

    /// Shows the code and where to enter it.
    public func showCode(_ userCode: String, at verificationURI: String) async {
        await notifier?.show(
            summary: "Log in to PunchPlay", body: "Enter the code \(userCode) at \(verificationURI)", urgency: .critical
        )
    }

    /// Replaces the code with the outcome and closes the connection.
    public func finish(summary: String, body: String) async {
        await notifier?.show(summary: summary, body: body)
        await connection?.close()
    }
}
