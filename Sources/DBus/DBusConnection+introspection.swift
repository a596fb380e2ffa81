extension DBusConnection {
    /// The `org.freedesktop.DBus.Introspectable.Introspect` answer for `path`: the exported interfaces with their
    /// methods, properties (typed from their current values) and declared signals, plus child nodes.
    func introspectionXML(for path: String) -> String {
        var lines = [
            #"<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN""#,
            #" "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">"#,
            "<node>",
        ]
        if let object = exportedObjects[path] {
            lines += Self.standardInterfacesXML
            for interface in object.interfaces.values.sorted(by: { $0.name < $1.name }) {
                lines += Self.xml(for: interface)
            }
        }
        let prefix = path == "/" ? "/" : path + "/"
        let children = Set(
            exportedObjects.keys.filter { $0.hasPrefix(prefix) }.compactMap {
                $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
            }
        )
        for child in children.sorted() {
            lines.append(#"  <node name="\#(Self.escaped(child))"/>"#)
        }
        lines.append("</node>")
        return lines.joined(separator: "\n")
    }

    private static let standardInterfacesXML = [
        #"  <interface name="org.freedesktop.DBus.Introspectable">"#,
        #"    <method name="Introspect"><arg name="xml_data" type="s" direction="out"/></method>"#,
        "  </interface>",
        #"  <interface name="org.freedesktop.DBus.Properties">"#,
        #"    <method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/>"#
            + #"<arg type="v" direction="out"/></method>"#,
        #"    <method name="GetAll"><arg type="s" direction="in"/><arg type="a{sv}" direction="out"/></method>"#,
        #"    <method name="Set"><arg type="s" direction="in"/><arg type="s" direction="in"/>"#
            + #"<arg type="v" direction="in"/></method>"#,
        #"    <signal name="PropertiesChanged"><arg type="s"/><arg type="a{sv}"/><arg type="as"/></signal>"#,
        "  </interface>",
    ]

    private static func xml(for interface: DBusInterface) -> [String] {
        var lines = [#"  <interface name="\#(escaped(interface.name))">"#]
        for method in interface.methods.keys.sorted() {
            guard let declared = interface.methodArguments[method] else {
                lines.append(#"    <method name="\#(escaped(method))"/>"#)
                continue
            }
            let arguments =
                declared.inputs.map { xml(for: $0, direction: "in") }
                + declared.outputs.map { xml(for: $0, direction: "out") }
            lines.append(#"    <method name="\#(escaped(method))">\#(arguments.joined())</method>"#)
        }
        for (name, value) in interface.properties.sorted(by: { $0.key < $1.key }) {
            let access = interface.writableProperties.contains(name) ? "readwrite" : "read"
            lines.append(
                #"    <property name="\#(escaped(name))" type="\#(escaped(value.signature))" access="\#(access)"/>"#
            )
        }
        for (name, arguments) in interface.signals.sorted(by: { $0.key < $1.key }) {
            let arguments = arguments.map { #"<arg type="\#(escaped($0))"/>"# }.joined()
            lines.append(#"    <signal name="\#(escaped(name))">\#(arguments)</signal>"#)
        }
        lines.append("  </interface>")
        return lines
    }

    private static func xml(for argument: DBusArgument, direction: String) -> String {
        #"<arg name="\#(escaped(argument.name))" type="\#(escaped(argument.signature))" direction="\#(direction)"/>"#
    }

    private static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;")
    }
}
