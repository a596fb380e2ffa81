import DBus

/// `TrayPresentation` in the types of the StatusNotifierItem and `com.canonical.dbusmenu` specifications.
extension TrayPresentation {
    /// The StatusNotifierItem properties that follow the agent's state.
    var itemProperties: [String: DBusValue] {
        [
            "Status": .string(itemStatus.rawValue),
            "IconName": .string(iconName),
            "ToolTip": toolTip,
        ]
    }

    /// `(sa(iiay)ss)`: icon name, no pixmaps, title, text.
    var toolTip: DBusValue {
        .structure([
            .string(iconName),
            .array(elementSignature: "(iiay)", []),
            .string(toolTipTitle),
            .string(toolTipLines.joined(separator: "\n")),
        ])
    }

    /// The menu as `GetLayout` returns it: the root (id 0) with every entry as a child, `(ia{sv}av)`.
    func menuLayout(propertyNames: [String] = []) -> DBusValue {
        let children = menu.map { DBusValue.variant($0.layout(propertyNames: propertyNames)) }
        return .structure([
            .int32(0),
            Self.filtered(Self.rootMenuProperties, propertyNames),
            .array(elementSignature: "v", children),
        ])
    }

    /// The root entry's properties: it only holds the others.
    static let rootMenuProperties: [(String, DBusValue)] = [("children-display", .string("submenu"))]

    /// The dbusmenu properties of the entry `id` (0 is the root); nil when no entry has that id.
    func menuProperties(id: Int32) -> [(String, DBusValue)]? {
        id == 0 ? Self.rootMenuProperties : menu.first { $0.id == id }?.menuProperties
    }

    static func filtered(_ properties: [(String, DBusValue)], _ names: [String]) -> DBusValue {
        .stringVariantDictionary(names.isEmpty ? properties : properties.filter { names.contains($0.0) })
    }
}

extension TrayMenuItem {
    /// The entry's dbusmenu properties (`type`, `label`, `enabled`, `visible`).
    var menuProperties: [(String, DBusValue)] {
        switch kind {
        case .separator:
            [("type", .string("separator")), ("visible", .boolean(true))]
        case .label, .action:
            [
                ("type", .string("standard")), ("label", .string(label)), ("enabled", .boolean(isEnabled)),
                ("visible", .boolean(true)),
            ]
        }
    }

    /// The entry as a childless `(ia{sv}av)` node.
    func layout(propertyNames: [String] = []) -> DBusValue {
        .structure([
            .int32(id),
            TrayPresentation.filtered(menuProperties, propertyNames),
            .array(elementSignature: "v", []),
        ])
    }
}
