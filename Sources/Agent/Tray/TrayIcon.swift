import DBus

/// The tray icon on the agent's bus connection: exports `org.kde.StatusNotifierItem` at `/StatusNotifierItem`
/// and its `com.canonical.dbusmenu` menu at `/MenuBar`, shows each new `TrayPresentation` (changed properties
/// plus `NewIcon`, `NewToolTip`, `NewStatus` and `LayoutUpdated`, which is how hosts learn of them), and hands
/// menu clicks to `perform`. Registering with a watcher is `TrayService`'s business.
actor TrayIcon {
    private let connection: DBusConnection
    private let iconThemePath: String
    private let perform: @Sendable (TrayAction) async -> Void
    private var presentation: TrayPresentation
    /// The menu layout's revision, raised on every change of the menu.
    private var revision: UInt32 = 1

    init(
        connection: DBusConnection,
        iconThemePath: String,
        initial: TrayPresentation,
        perform: @escaping @Sendable (TrayAction) async -> Void
    ) {
        self.connection = connection
        self.iconThemePath = iconThemePath
        self.presentation = initial
        self.perform = perform
    }

    /// Exports the item and the menu.
    func export() async throws {
        try await connection.export(path: TrayBus.itemPath, interfaces: [itemInterface()])
        try await connection.export(path: TrayBus.menuPath, interfaces: [menuInterface()])
    }

    /// Shows `new`, announcing only what changed.
    func show(_ new: TrayPresentation) async {
        let old = presentation
        presentation = new
        do {
            if old.itemProperties != new.itemProperties {
                try await connection.setProperties(
                    new.itemProperties, interface: TrayBus.itemInterface, path: TrayBus.itemPath, emitsChanged: false)
            }
            if old.toolTip != new.toolTip { try await emitItemSignal("NewToolTip") }
            if old.itemStatus != new.itemStatus {
                try await emitItemSignal("NewStatus", [.string(new.itemStatus.rawValue)])
            }
            // NewIcon comes last, and after every change of the item even when the icon stays: some hosts
            // (gtk-sni-tray) handle each signal on their own copy of the item and draw the icon of whichever copy
            // is stored last, so a tooltip change right after an icon change could bring the old icon back.
            if old.itemProperties != new.itemProperties { try await emitItemSignal("NewIcon") }
            if old.menu != new.menu {
                revision += 1
                try await connection.emitSignal(
                    path: TrayBus.menuPath, interface: TrayBus.menuInterface, member: "LayoutUpdated",
                    arguments: [.uint32(revision), .int32(0)])
            }
        } catch {
            // The bus is gone; the agent stops on its own when it notices.
        }
    }

    private func emitItemSignal(_ member: String, _ arguments: [DBusValue] = []) async throws {
        try await connection.emitSignal(
            path: TrayBus.itemPath, interface: TrayBus.itemInterface, member: member, arguments: arguments)
    }

    // MARK: org.kde.StatusNotifierItem

    private func itemInterface() -> DBusInterface {
        let noPixmaps = DBusValue.array(elementSignature: "(iiay)", [])
        let harmless: DBusMethodHandler = { _ in [] }
        return DBusInterface(
            name: TrayBus.itemInterface,
            methods: [
                "Activate": harmless, "SecondaryActivate": harmless, "ContextMenu": harmless, "Scroll": harmless,
            ],
            properties: presentation.itemProperties.merging(
                [
                    "Category": .string("ApplicationStatus"),
                    "Id": .string("punchplay-mpris"),
                    "Title": .string("PunchPlay"),
                    "WindowId": .int32(0),
                    "IconThemePath": .string(iconThemePath),
                    "IconPixmap": noPixmaps,
                    "AttentionIconName": .string(TrayIconName.attention),
                    "AttentionIconPixmap": noPixmaps,
                    "AttentionMovieName": .string(""),
                    "OverlayIconName": .string(""),
                    "OverlayIconPixmap": noPixmaps,
                    "ItemIsMenu": .boolean(true),
                    "Menu": .objectPath(TrayBus.menuPath),
                ],
                uniquingKeysWith: { own, _ in own }
            ),
            signals: [
                "NewTitle": [], "NewIcon": [], "NewAttentionIcon": [], "NewOverlayIcon": [], "NewToolTip": [],
                "NewStatus": ["s"],
            ],
            methodArguments: [
                "Activate": DBusMethodArguments(inputs: [DBusArgument("x", "i"), DBusArgument("y", "i")]),
                "SecondaryActivate": DBusMethodArguments(inputs: [DBusArgument("x", "i"), DBusArgument("y", "i")]),
                "ContextMenu": DBusMethodArguments(inputs: [DBusArgument("x", "i"), DBusArgument("y", "i")]),
                "Scroll": DBusMethodArguments(inputs: [DBusArgument("delta", "i"), DBusArgument("orientation", "s")]),
            ]
        )
    }

    // MARK: com.canonical.dbusmenu

    private func menuInterface() -> DBusInterface {
        DBusInterface(
            name: TrayBus.menuInterface,
            methods: [
                "GetLayout": { [self] call in try await self.getLayout(call.arguments) },
                "GetGroupProperties": { [self] call in try await self.getGroupProperties(call.arguments) },
                "GetProperty": { [self] call in try await self.getProperty(call.arguments) },
                "Event": { [self] call in
                    guard call.arguments.count == 4, case .int32(let id) = call.arguments[0],
                        let event = call.arguments[1].asString
                    else { throw DBusError(.invalidArgs, "Event takes (isvu)") }
                    await self.handle(event: event, id: id)
                    return []
                },
                "EventGroup": { [self] call in
                    guard case .array(_, let events) = call.arguments.first else {
                        throw DBusError(.invalidArgs, "EventGroup takes a(isvu)")
                    }
                    var unknown: [DBusValue] = []
                    for case .structure(let fields) in events {
                        guard fields.count == 4, case .int32(let id) = fields[0], let event = fields[1].asString
                        else { continue }
                        if await !self.handle(event: event, id: id) { unknown.append(.int32(id)) }
                    }
                    return [.array(elementSignature: "i", unknown)]
                },
                "AboutToShow": { _ in [.boolean(false)] },
                "AboutToShowGroup": { _ in [.array(elementSignature: "i", []), .array(elementSignature: "i", [])] },
            ],
            properties: [
                "Version": .uint32(3),
                "TextDirection": .string("ltr"),
                "Status": .string("normal"),
                "IconThemePath": .stringArray([iconThemePath]),
            ],
            signals: [
                "ItemsPropertiesUpdated": ["a(ia{sv})", "a(ias)"],
                "LayoutUpdated": ["u", "i"],
                "ItemActivationRequested": ["i", "u"],
            ],
            methodArguments: [
                "GetLayout": DBusMethodArguments(
                    inputs: [
                        DBusArgument("parentId", "i"), DBusArgument("recursionDepth", "i"),
                        DBusArgument("propertyNames", "as"),
                    ],
                    outputs: [DBusArgument("revision", "u"), DBusArgument("layout", "(ia{sv}av)")]
                ),
                "GetGroupProperties": DBusMethodArguments(
                    inputs: [DBusArgument("ids", "ai"), DBusArgument("propertyNames", "as")],
                    outputs: [DBusArgument("properties", "a(ia{sv})")]
                ),
                "GetProperty": DBusMethodArguments(
                    inputs: [DBusArgument("id", "i"), DBusArgument("name", "s")],
                    outputs: [DBusArgument("value", "v")]
                ),
                "Event": DBusMethodArguments(
                    inputs: [
                        DBusArgument("id", "i"), DBusArgument("eventId", "s"), DBusArgument("data", "v"),
                        DBusArgument("timestamp", "u"),
                    ]
                ),
                "EventGroup": DBusMethodArguments(
                    inputs: [DBusArgument("events", "a(isvu)")],
                    outputs: [DBusArgument("idErrors", "ai")]
                ),
                "AboutToShow": DBusMethodArguments(
                    inputs: [DBusArgument("id", "i")],
                    outputs: [DBusArgument("needUpdate", "b")]
                ),
                "AboutToShowGroup": DBusMethodArguments(
                    inputs: [DBusArgument("ids", "ai")],
                    outputs: [DBusArgument("updatesNeeded", "ai"), DBusArgument("idErrors", "ai")]
                ),
            ]
        )
    }

    private func getLayout(_ arguments: [DBusValue]) throws -> [DBusValue] {
        guard arguments.count == 3, case .int32(let parent) = arguments[0], let names = arguments[2].asStringList
        else { throw DBusError(.invalidArgs, "GetLayout takes (iias)") }
        if parent == 0 { return [.uint32(revision), presentation.menuLayout(propertyNames: names)] }
        return [.uint32(revision), try item(parent).layout(propertyNames: names)]
    }

    private func getGroupProperties(_ arguments: [DBusValue]) throws -> [DBusValue] {
        guard arguments.count == 2, let ids = arguments[0].asArray, let names = arguments[1].asStringList else {
            throw DBusError(.invalidArgs, "GetGroupProperties takes (aias)")
        }
        let wanted = ids.compactMap(\.asInt64).map { Int32(clamping: $0) }
        let found = (wanted.isEmpty ? [0] + presentation.menu.map(\.id) : wanted).compactMap { id in
            presentation.menuProperties(id: id).map { (id, $0) }
        }
        return [
            .array(
                elementSignature: "(ia{sv})",
                found.map { .structure([.int32($0.0), TrayPresentation.filtered($0.1, names)]) }
            )
        ]
    }

    private func getProperty(_ arguments: [DBusValue]) throws -> [DBusValue] {
        guard arguments.count == 2, case .int32(let id) = arguments[0], let name = arguments[1].asString else {
            throw DBusError(.invalidArgs, "GetProperty takes (is)")
        }
        guard let properties = presentation.menuProperties(id: id) else {
            throw DBusError(.invalidArgs, "no menu entry \(id)")
        }
        guard let value = properties.first(where: { $0.0 == name })?.1 else {
            throw DBusError(.invalidArgs, "menu entry \(id) has no property \(name)")
        }
        return [.variant(value)]
    }

    /// Carries out a click; false when no entry has the id.
    @discardableResult
    private func handle(event: String, id: Int32) async -> Bool {
        guard let entry = presentation.menu.first(where: { $0.id == id }) else { return false }
        if event == "clicked", let action = entry.clickAction {
            await perform(action)
        }
        return true
    }

    private func item(_ id: Int32) throws -> TrayMenuItem {
        guard let found = presentation.menu.first(where: { $0.id == id }) else {
            throw DBusError(.invalidArgs, "no menu entry \(id)")
        }
        return found
    }
}
