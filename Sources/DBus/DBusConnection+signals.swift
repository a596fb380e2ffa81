/// A live signal subscription: its rule and the stream it feeds.
struct SignalSubscription {
    let rule: MatchRule
    let continuation: AsyncStream<DBusSignal>.Continuation
}

extension DBusConnection {
    /// Subscribes to the signals `rule` matches. The rule is installed on the bus before this returns; the
    /// stream buffers without bound (no signal is ever dropped), finishes when the connection closes or is lost,
    /// and removes its rule from the bus when it ends or its consumer is cancelled.
    ///
    /// - Throws: the bus's error if it rejects the rule (``DBusErrorName/invalidArgs`` for a malformed rule).
    public func signals(matching rule: MatchRule) async throws -> AsyncStream<DBusSignal> {
        let identifier = makeIdentifier()
        let (stream, continuation) = AsyncStream.makeStream(of: DBusSignal.self, bufferingPolicy: .unbounded)
        subscriptions[identifier] = SignalSubscription(rule: rule, continuation: continuation)
        do {
            try await addMatch(rule)
        } catch {
            subscriptions[identifier] = nil
            continuation.finish()
            throw error
        }
        continuation.onTermination = { [executor] _ in
            executor.queue.async {
                self.assumeIsolated { connection in connection.endSubscription(identifier) }
            }
        }
        return stream
    }

    /// Adds a match rule on the bus (`org.freedesktop.DBus.AddMatch`).
    func addMatch(_ rule: MatchRule) async throws {
        _ = try await callBus("AddMatch", [.string(rule.description)])
    }

    /// Removes a match rule from the bus (`org.freedesktop.DBus.RemoveMatch`).
    func removeMatch(_ rule: MatchRule) async throws {
        _ = try await callBus("RemoveMatch", [.string(rule.description)])
    }

    /// Forgets a subscription and tells the bus to drop its rule, without waiting for the answer; messages leave
    /// in order, so any later call on this connection reaches the bus after the removal.
    private func endSubscription(_ identifier: UInt64) {
        guard let subscription = subscriptions.removeValue(forKey: identifier), let handle, handle.isConnected else {
            return
        }
        guard
            let message = try? Message.methodCall(
                destination: "org.freedesktop.DBus",
                path: "/org/freedesktop/DBus",
                interface: "org.freedesktop.DBus",
                member: "RemoveMatch"
            ), (try? message.append([.string(subscription.rule.description)])) != nil
        else { return }
        message.setNoReply()
        _ = try? handle.send(message)
    }

    func deliverSignal(_ message: Message) {
        var signal = DBusSignal(
            sender: message.sender ?? "",
            path: message.path ?? "",
            interface: message.interface ?? "",
            member: message.member ?? "",
            arguments: []
        )
        do {
            signal.arguments = try message.arguments()
        } catch let error as DBusError {
            signal.decodingError = error
        } catch {
            signal.decodingError = DBusError(.inconsistentMessage, "\(error)")
        }
        for subscription in subscriptions.values where subscription.rule.matches(signal) {
            subscription.continuation.yield(signal)
        }
    }
}
