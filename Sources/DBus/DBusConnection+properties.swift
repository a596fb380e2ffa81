extension DBusConnection {
    /// Answers `org.freedesktop.DBus.Properties` calls from the exported objects' stored properties.
    func answerPropertiesCall(_ call: DBusMethodCall) throws -> [DBusValue] {
        guard let object = exportedObjects[call.path] else {
            throw DBusError(.unknownObject, "no object exported at \(call.path)")
        }
        let arguments = call.arguments
        guard case .string(let interfaceName) = arguments.first else {
            throw DBusError(.invalidArgs, "Properties.\(call.member) expects an interface name first")
        }
        guard let interface = object.interfaces[interfaceName] else {
            throw DBusError(.unknownInterface, "no interface \(interfaceName) at \(call.path)")
        }
        switch (call.member, arguments.count) {
        case ("GetAll", 1):
            let entries = interface.properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return [.stringVariantDictionary(entries)]
        case ("Get", 2):
            let name = try Self.propertyName(in: arguments)
            guard let value = interface.properties[name] else {
                throw DBusError(.unknownProperty, "no property \(name) in \(interfaceName)")
            }
            return [.variant(value)]
        case ("Set", 3):
            let name = try Self.propertyName(in: arguments)
            guard case .variant(let value) = arguments[2] else {
                throw DBusError(.invalidArgs, "Properties.Set expects the value in a variant")
            }
            guard interface.properties[name] != nil else {
                throw DBusError(.unknownProperty, "no property \(name) in \(interfaceName)")
            }
            guard interface.writableProperties.contains(name) else {
                throw DBusError(.propertyReadOnly, "property \(name) of \(interfaceName) is read-only")
            }
            try setProperties([name: value], interface: interfaceName, path: call.path)
            return []
        case ("Get", _), ("GetAll", _), ("Set", _):
            throw DBusError(.invalidArgs, "wrong number of arguments for Properties.\(call.member)")
        default:
            throw DBusError(.unknownMethod, "no method \(call.member) in \(Self.propertiesInterface)")
        }
    }

    private static func propertyName(in arguments: [DBusValue]) throws -> String {
        guard case .string(let name) = arguments[1] else {
            throw DBusError(.invalidArgs, "the property name must be a string")
        }
        return name
    }
}
