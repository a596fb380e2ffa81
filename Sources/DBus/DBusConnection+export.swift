extension DBusConnection {
    /// Serves `interfaces` at `path`: their methods, plus `org.freedesktop.DBus.Properties` (Get, GetAll, Set)
    /// over their properties and `org.freedesktop.DBus.Introspectable`.
    ///
    /// - Throws: ``DBusErrorName/invalidArgs`` for an invalid path or interface name, or a path already exported.
    public func export(path: String, interfaces: [DBusInterface]) throws {
        try NameValidation.objectPath(path)
        for interface in interfaces {
            try NameValidation.interface(interface.name)
        }
        guard exportedObjects[path] == nil else {
            throw DBusError(.invalidArgs, "an object is already exported at \(path)")
        }
        exportedObjects[path] = ExportedObject(
            interfaces: Dictionary(interfaces.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        )
    }

    /// Stops serving the object at `path`; later calls to it get ``DBusErrorName/unknownObject``.
    public func unexport(path: String) {
        exportedObjects[path] = nil
    }

    /// The current value of an exported property, as remote callers would read it.
    public func exportedProperty(_ name: String, interface: String, path: String) -> DBusValue? {
        exportedObjects[path]?.interfaces[interface]?.properties[name]
    }

    /// Changes exported properties and, unless `emitsChanged` is false, announces them in one
    /// `org.freedesktop.DBus.Properties.PropertiesChanged` signal (keys in sorted order).
    ///
    /// Values are not checked against earlier types, so a test object can switch a property to a wrong type.
    /// - Throws: ``DBusErrorName/unknownObject`` or ``DBusErrorName/unknownInterface`` if nothing is exported
    ///   there; errors from sending the signal.
    public func setProperties(
        _ values: [String: DBusValue],
        interface: String,
        path: String,
        emitsChanged: Bool = true
    ) throws {
        guard var object = exportedObjects[path] else {
            throw DBusError(.unknownObject, "no object exported at \(path)")
        }
        guard object.interfaces[interface] != nil else {
            throw DBusError(.unknownInterface, "no interface \(interface) at \(path)")
        }
        object.interfaces[interface]?.properties.merge(values) { _, new in new }
        exportedObjects[path] = object
        guard emitsChanged else { return }
        let changed = values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        try emitSignal(
            path: path,
            interface: Self.propertiesInterface,
            member: "PropertiesChanged",
            arguments: [.string(interface), .stringVariantDictionary(changed), .stringArray([])]
        )
    }

    /// Emits a signal with any arguments, to everyone whose match rules select it or only to `destination`.
    ///
    /// - Throws: ``DBusErrorName/invalidArgs`` for invalid names or values; ``DBusErrorName/disconnected``.
    public func emitSignal(
        path: String,
        interface: String,
        member: String,
        arguments: [DBusValue] = [],
        destination: String? = nil
    ) throws {
        let message = try Message.signal(path: path, interface: interface, member: member)
        if let destination { try message.setDestination(destination) }
        try message.append(arguments)
        _ = try requireHandle().send(message)
    }

    func handleMethodCall(_ message: Message) {
        let reply = ReplyAddress(serial: message.serial, destination: message.sender, expected: message.expectsReply)
        let call: DBusMethodCall
        do {
            call = DBusMethodCall(
                sender: message.sender ?? "",
                path: message.path ?? "/",
                interface: message.interface,
                member: message.member ?? "",
                arguments: try message.arguments()
            )
        } catch {
            return send(.failure(error), to: reply)
        }
        switch call.interface {
        case Self.propertiesInterface:
            return send(Result { try answerPropertiesCall(call) }, to: reply)
        case "org.freedesktop.DBus.Introspectable" where call.member == "Introspect":
            return send(.success([.string(introspectionXML(for: call.path))]), to: reply)
        default:
            break
        }
        guard let object = exportedObjects[call.path] else {
            return send(.failure(DBusError(.unknownObject, "no object exported at \(call.path)")), to: reply)
        }
        switch object.handler(for: call.member, in: call.interface) {
        case .failure(let error):
            send(.failure(error), to: reply)
        case .success(let handler):
            let identifier = makeIdentifier()
            handlerTasks[identifier] = Task {
                let result: Result<[DBusValue], any Error>
                do {
                    result = .success(try await handler(call))
                } catch {
                    result = .failure(error)
                }
                self.handlerTasks[identifier] = nil
                self.send(result, to: reply)
            }
        }
    }

    /// Sends the reply to a method call unless the caller asked for none. A reply that cannot be sent has nobody
    /// to report to: the connection is gone, and the caller sees that as `NoReply`.
    private func send(_ result: Result<[DBusValue], any Error>, to address: ReplyAddress) {
        guard address.expected, let handle, handle.isConnected else { return }
        guard let reply = try? address.message(for: result) else { return }
        _ = try? handle.send(reply)
    }
}

/// Where a method call's reply goes.
private struct ReplyAddress {
    let serial: UInt32
    let destination: String?
    let expected: Bool

    /// The reply message; values that cannot be encoded become an `InvalidArgs` error reply instead.
    func message(for result: Result<[DBusValue], any Error>) throws -> Message {
        do {
            let values = try result.get()
            let reply = try Message.methodReturn(replyingTo: serial, destination: destination)
            try reply.append(values)
            return reply
        } catch let error as DBusError {
            return try Message.error(error, replyingTo: serial, destination: destination)
        } catch {
            return try Message.error(DBusError(.failed, "\(error)"), replyingTo: serial, destination: destination)
        }
    }
}
