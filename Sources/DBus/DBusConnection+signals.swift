/// A live signal subscription: its rule and the stream it feeds, a signal at a time or a read's signals at once.
struct SignalSubscription {
    enum Stream {
        case each(AsyncStream<DBusSignal>.Continuation)
        case batches(AsyncStream<[DBusSignal]>.Continuation)
    }

    let rule: MatchRule
    let stream: Stream

    /// Whether the subscriber takes signals one at a time.
    var isSingleSignals: Bool {
        if case .each = stream { true } else { false }
    }

    func finish() {
        switch stream {
        case .each(let continuation): continuation.finish()
        case .batches(let continuation): continuation.finish()
        }
    }
}

extension DBusConnection {
    /// Subscribes to the signals `rule` matches. The rule is installed on the bus before this returns; the
    /// stream buffers without bound (no signal is ever dropped), finishes when the connection closes or is lost,
    /// and removes its rule from the bus when it ends or its consumer is cancelled.
    ///
    /// - Throws: the bus's error if it rejects the rule (``DBusErrorName/invalidArgs`` for a malformed rule).
    public func signals(matching rule: MatchRule) async throws -> AsyncStream<DBusSignal> {
        let (stream, continuation) = AsyncStream.makeStream(of: DBusSignal.self, bufferingPolicy: .unbounded)
        let identifier = try await subscribe(SignalSubscription(rule: rule, stream: .each(continuation)))
        continuation.onTermination = { _ in self.endSubscriptionSoon(identifier) }
        return stream
    }

    /// Like ``signals(matching:)``, but each element holds every matching signal of one read of the socket, in
    /// order: a subscriber that keeps up with a flood (a player sending thousands of signals a second, which the
    /// connection then reads in batches) is resumed once a read instead of once a signal. Never empty.
    ///
    /// While the bus floods the connection, back-to-back `PropertiesChanged` of one sender, object and interface
    /// in a read come as one signal carrying each property's newest value or invalidation: applied in order, the
    /// batch leaves the subscriber where the signals one by one would have, without the states in between. A
    /// subscriber of single signals matching them gets every one, and so does this one then.
    public func signalBatches(matching rule: MatchRule) async throws -> AsyncStream<[DBusSignal]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [DBusSignal].self, bufferingPolicy: .unbounded)
        let identifier = try await subscribe(SignalSubscription(rule: rule, stream: .batches(continuation)))
        continuation.onTermination = { _ in self.endSubscriptionSoon(identifier) }
        return stream
    }

    /// Ends a subscription from wherever its stream ended (a consumer cancelled on another thread), on the
    /// connection's queue.
    private nonisolated func endSubscriptionSoon(_ identifier: UInt64) {
        executor.queue.async {
            self.assumeIsolated { connection in connection.endSubscription(identifier) }
        }
    }

    /// Registers `subscription` and installs its rule on the bus; returns its identifier.
    private func subscribe(_ subscription: SignalSubscription) async throws -> UInt64 {
        let identifier = makeIdentifier()
        subscriptions[identifier] = subscription
        do {
            try await addMatch(subscription.rule)
        } catch {
            subscriptions[identifier] = nil
            subscription.finish()
            throw error
        }
        return identifier
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
        pendingBatches[identifier] = nil
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
        if handle?.isReadingFlood == true, foldIntoPropertyChangeRun(message) { return }
        openPropertyChangeRun = nil
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
        for (identifier, subscription) in subscriptions where subscription.rule.matches(signal) {
            switch subscription.stream {
            case .each(let continuation):
                flushSignalBatches()  // the signals that came first go out first
                continuation.yield(signal)
            case .batches:
                pendingBatches[identifier, default: []].append(.signal(signal))
            }
        }
    }

    /// During a flood, takes a `PropertiesChanged` into the open run it continues, or starts a run with it, which
    /// then goes to every batch subscriber it matches; returns false when the message must be delivered on its
    /// own (another kind of signal, or a subscriber of single signals wants it).
    private func foldIntoPropertyChangeRun(_ message: Message) -> Bool {
        if let openPropertyChangeRun, openPropertyChangeRun.extend(with: message) { return true }
        guard let run = PropertyChangeRun(startingWith: message) else { return false }
        let matching = subscriptions.filter { $0.value.rule.matches(run.head) }
        guard !matching.values.contains(where: \.isSingleSignals) else { return false }
        for identifier in matching.keys {
            pendingBatches[identifier, default: []].append(.propertyChanges(run))
        }
        openPropertyChangeRun = run
        return true
    }

    /// Hands each batch subscriber the signals gathered since the last hand-over: at the end of every read, and
    /// before anything else is delivered (a reply, an error, a method call, a signal to a subscriber of single
    /// signals), so everything the connection hands on keeps the order it arrived in.
    func flushSignalBatches() {
        openPropertyChangeRun = nil
        guard !pendingBatches.isEmpty else { return }
        for (identifier, batch) in pendingBatches {
            guard case .batches(let continuation) = subscriptions[identifier]?.stream else { continue }
            continuation.yield(batch.flatMap(\.signals))
        }
        pendingBatches.removeAll(keepingCapacity: true)
    }
}

/// A signal waiting in a batch for the end of the read: decoded, or a run of property changes decoded then.
enum PendingSignal {
    case signal(DBusSignal)
    case propertyChanges(PropertyChangeRun)

    var signals: [DBusSignal] {
        switch self {
        case .signal(let signal): [signal]
        case .propertyChanges(let run): run.signals
        }
    }
}
