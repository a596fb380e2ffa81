extension DBusConnection {
    /// Answers `org.freedesktop.DBus.Properties` calls from the exported objects' stored properties.
    func answerPropertiesCall(_ call: DBusMethodCall) throws -> [DBusValue] {
        guard let object = exportedObjects[call.path] else {
            throw DBusError(.unknownObject, "no object exported at \(call.path)")
        }
        let interfaceName = call.arguments.first?.asString ?? ""
        guard let interface = object.interfaces[interfaceName] else {
            throw DBusError(.unknownInterface, "no interface \(interfaceName) at \(call.path)")
        }
        let arguments = call.arguments
        let propertyName = arguments.count > 1 ? arguments[1].asString : nil
        switch call.member {
        case "Get" where arguments.count == 2 && propertyName != nil:
            guard let value = interface.properties[propertyName!] else {
                throw DBusError(.unknownProperty, "no property \(propertyName!) in \(interfaceName)")
            }
            return [.variant(value)]
        case "GetAll" where arguments.count == 1:
            let entries = interface.properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return [.stringVariantDictionary(entries)]
        case "Set" where arguments.count == 3 && propertyName != nil:
            guard case .variant(let value) = arguments[2] else {
                throw DBusError(.invalidArgs, "Properties.Set expects the value in a variant")
            }
            guard interface.properties[propertyName!] != nil else {
                throw DBusError(.unknownProperty, "no property \(propertyName!) in \(interfaceName)")
            }
            guard interface.writableProperties.contains(propertyName!) else {
                throw DBusError(.propertyReadOnly, "property \(propertyName!) of \(interfaceName) is read-only")
            }
            try setProperties([propertyName!: value], interface: interfaceName, path: call.path)
            return []
        case "Get", "GetAll", "Set":
            throw DBusError(.invalidArgs, "wrong arguments for Properties.\(call.member)")
        default:
            throw DBusError(.unknownMethod, "no method \(call.member) in \(Self.propertiesInterface)")
        }
    }
}
