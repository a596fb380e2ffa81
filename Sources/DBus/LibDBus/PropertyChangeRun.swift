internal import CDBus

#if canImport(Glibc)
    import Glibc
#endif

/// Back-to-back `PropertiesChanged` signals of one sender, object and interface, read while the bus is flooded,
/// kept as libdbus messages until the read ends and then handed on as one signal: each property's newest value or
/// invalidation, decoded once, with the older values it replaces skipped undecoded. Applied in order, the one
/// signal leaves a subscriber where the run would have; only the states in between are gone, as when a flooded
/// subscriber folds its backlog itself, and a flood costs one decoded signal a read instead of one a message.
///
/// A message whose body cannot be decoded is handed on in its place, with its error, between the folded signals
/// of the messages before and after it, so nothing is dropped silently. Used only on the connection's executor.
final class PropertyChangeRun {
    static let interface = "org.freedesktop.DBus.Properties"
    static let member = "PropertiesChanged"
    static let signature = "sa{sv}as"

    /// The run's first signal without its changes: the header and the interface name (argument 0), everything a
    /// match rule can check in a signal of this signature.
    let head: DBusSignal
    /// The interface whose properties change (the head's argument 0).
    private let interfaceName: String
    private var messages: [Message]
    private var folded: [DBusSignal]?

    /// Starts a run with `message`, when it is a `PropertiesChanged` with the standard signature.
    init?(startingWith message: Message) {
        guard Self.isPropertiesChanged(message), let interfaceName = Self.interfaceName(of: message) else {
            return nil
        }
        self.interfaceName = String(cString: interfaceName)
        head = DBusSignal(
            sender: message.sender ?? "",
            path: message.path ?? "",
            interface: Self.interface,
            member: Self.member,
            arguments: [.string(self.interfaceName)]
        )
        messages = [message]
    }

    /// Adds `message` to the run if it changes the same interface of the same object from the same sender.
    func extend(with message: Message) -> Bool {
        guard folded == nil, Self.isPropertiesChanged(message),
            Self.text(dbus_message_get_sender(message.pointer), equals: head.sender),
            Self.text(dbus_message_get_path(message.pointer), equals: head.path),
            Self.text(Self.interfaceName(of: message), equals: interfaceName)
        else { return false }
        messages.append(message)
        return true
    }

    /// The run as signals, oldest first: one, or more when a message could not be decoded.
    var signals: [DBusSignal] {
        if let folded { return folded }
        let signals = fold()
        folded = signals
        return signals
    }

    private static func isPropertiesChanged(_ message: Message) -> Bool {
        dbus_message_is_signal(message.pointer, interface, member) != 0
            && dbus_message_has_signature(message.pointer, signature) != 0
    }

    /// Whether a field libdbus lends (nil when absent) reads `expected`, an absent one counting as empty; compared
    /// in place, without making a `String` of it.
    private static func text(_ field: UnsafePointer<CChar>?, equals expected: String) -> Bool {
        guard let field else { return expected.isEmpty }
        return expected.withCString { strcmp($0, field) == 0 }
    }

    /// Argument 0 of a message of this run's signature, owned by the message.
    private static func interfaceName(of message: Message) -> UnsafePointer<CChar>? {
        var iterator = DBusMessageIter()
        guard dbus_message_iter_init(message.pointer, &iterator) != 0 else { return nil }
        var characters: UnsafePointer<CChar>?
        dbus_message_iter_get_basic(&iterator, &characters)
        return characters
    }

    /// Reads the messages newest first, so that each property is decoded from the newest message that mentions it.
    private func fold() -> [DBusSignal] {
        var newestFirst: [DBusSignal] = []
        var changes = FoldedChanges()
        for message in messages.reversed() {
            do {
                try changes.absorb(olderMessage: message)
            } catch {
                if !changes.isEmpty { newestFirst.append(changes.signal(head)) }
                changes = FoldedChanges()
                var failed = head
                failed.arguments = []
                failed.decodingError = error as? DBusError ?? DBusError(.inconsistentMessage, "\(error)")
                newestFirst.append(failed)
            }
        }
        if !changes.isEmpty { newestFirst.append(changes.signal(head)) }
        return newestFirst.reversed()
    }
}

/// The changes of a run's messages read so far, newest message first; a property a newer message has set or
/// invalidated is settled, and older messages' values for it are skipped.
private struct FoldedChanges {
    private var settled: Set<String> = []
    private var changedNewestFirst: [[DBusDictionaryEntry]] = []
    private var invalidatedNewestFirst: [[String]] = []

    var isEmpty: Bool { changedNewestFirst.isEmpty }

    /// Takes what `message`, older than every message absorbed so far, still decides; changes nothing if it throws.
    mutating func absorb(olderMessage message: Message) throws {
        var arguments = DBusMessageIter()
        guard dbus_message_iter_init(message.pointer, &arguments) != 0 else {
            throw DBusError(.inconsistentMessage, "PropertiesChanged without arguments")
        }
        dbus_message_iter_next(&arguments)
        var mentioned: [String] = []
        var changed: [DBusDictionaryEntry] = []
        var entries = DBusMessageIter()
        dbus_message_iter_recurse(&arguments, &entries)
        while dbus_message_iter_get_arg_type(&entries) != TypeCode.invalid {
            var pair = DBusMessageIter()
            dbus_message_iter_recurse(&entries, &pair)
            let name = try Message.text(&pair)
            mentioned.append(name)
            if !settled.contains(name) {
                dbus_message_iter_next(&pair)
                changed.append(DBusDictionaryEntry(key: .string(name), value: try Message.decode(&pair, depth: 2)))
            }
            dbus_message_iter_next(&entries)
        }
        dbus_message_iter_next(&arguments)
        var invalidated: [String] = []
        var names = DBusMessageIter()
        dbus_message_iter_recurse(&arguments, &names)
        while dbus_message_iter_get_arg_type(&names) != TypeCode.invalid {
            let name = try Message.text(&names)
            mentioned.append(name)
            if !settled.contains(name) { invalidated.append(name) }
            dbus_message_iter_next(&names)
        }
        settled.formUnion(mentioned)
        changedNewestFirst.append(changed)
        invalidatedNewestFirst.append(invalidated)
    }

    /// One `PropertiesChanged` with `head`'s header and interface name carrying every change absorbed, oldest
    /// message's first.
    func signal(_ head: DBusSignal) -> DBusSignal {
        var signal = head
        let changed = changedNewestFirst.reversed().joined()
        let invalidated = invalidatedNewestFirst.reversed().joined().map(DBusValue.string)
        signal.arguments.append(.dictionary(keySignature: "s", valueSignature: "v", Array(changed)))
        signal.arguments.append(.array(elementSignature: "s", invalidated))
        return signal
    }
}
