extension DBusConnection {
    /// Sends each message libdbus dispatches to whoever waits for it: replies to their calls, signals to their
    /// subscriptions, method calls to exported objects.
    func route(_ message: Message) {
        if message.kind != .signal { flushSignalBatches() }
        switch message.kind {
        case .methodReturn:
            finishCall(message.replySerial, Result { try message.arguments() })
        case .error:
            finishCall(message.replySerial, .failure(message.asError()))
        case .signal:
            if message.path == "/org/freedesktop/DBus/Local", message.interface == "org.freedesktop.DBus.Local",
                message.member == "Disconnected"
            {
                failEverything(DBusError(.disconnected, "the connection to the bus was lost"))
            } else {
                deliverSignal(message)
            }
        case .methodCall:
            handleMethodCall(message)
        case nil:
            return
        }
    }
}
