/// One entry of the tray's menu, as `com.canonical.dbusmenu` serves it: a stable id, what it shows, and the
/// action a click asks for (none for the labels that only say what is playing).
struct TrayMenuItem: Sendable, Hashable {
    /// What kind of entry it is.
    enum Kind: Sendable, Hashable {
        /// A line of text that cannot be clicked.
        case label
        /// A clickable entry.
        case action(TrayAction)
        /// A dividing line.
        case separator
    }

    /// The dbusmenu id; 0 is the root, so entries start at 1.
    var id: Int32
    var kind: Kind
    var label: String
    var isEnabled: Bool

    static func label(_ id: Int32, _ text: String) -> TrayMenuItem {
        TrayMenuItem(id: id, kind: .label, label: text, isEnabled: false)
    }

    static func action(_ id: Int32, _ text: String, _ action: TrayAction, enabled: Bool = true) -> TrayMenuItem {
        TrayMenuItem(id: id, kind: .action(action), label: text, isEnabled: enabled)
    }

    static func separator(_ id: Int32) -> TrayMenuItem {
        TrayMenuItem(id: id, kind: .separator, label: "", isEnabled: true)
    }

    /// The action a click on this entry asks for, if it is clickable and enabled.
    var clickAction: TrayAction? {
        guard isEnabled, case .action(let action) = kind else { return nil }
        return action
    }
}
