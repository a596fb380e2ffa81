import PropertyBased
import Testing

@testable import DBus

/// A flooded read folds back-to-back `PropertiesChanged` of one object into one signal, decoding only what the
/// newest messages decide; applied in order, the folded signals must leave a subscriber exactly where the
/// messages one by one would have.
@Suite("Folding a flooded read's property changes")
struct PropertyChangeRunTests {
    static let path = "/org/mpris/MediaPlayer2"
    static let interfaceName = "org.mpris.MediaPlayer2.Player"
    static let names = ["Metadata", "PlaybackStatus", "Rate", "Volume"]

    /// One `PropertiesChanged`: each name's setting is nil (not mentioned), a value, or invalidated.
    typealias Change = [String: Setting]

    enum Setting: Equatable {
        case value(DBusValue)
        case invalidated
    }

    @Test("any run of changes, folded, leaves the properties where the changes one by one leave them")
    func foldingKeepsTheFinalState() async {
        let change = Gen.int(in: 0...255).map { code in
            var change: Change = [:]
            for (index, name) in Self.names.enumerated() {
                switch (code >> (2 * index)) & 3 {
                case 1: change[name] = .value(.variant(.int32(Int32(code))))
                case 2: change[name] = .value(.variant(.string(String(repeating: "x", count: code))))
                case 3: change[name] = .invalidated
                default: break
                }
            }
            return change
        }
        await propertyCheck(count: 300, input: change.array(of: 1...40)) { changes in
            let messages = try changes.map { try Self.message(changing: $0) }
            let run = try #require(PropertyChangeRun(startingWith: messages[0]))
            for message in messages.dropFirst() { #expect(run.extend(with: message)) }
            let folded = run.signals
            #expect(folded.count == 1)
            #expect(folded.allSatisfy { $0.decodingError == nil && $0.arguments.first == .string(Self.interfaceName) })
            #expect(Self.applied(folded.map(Self.change(of:))) == Self.applied(changes), "\(changes)")
        }
    }

    @Test("an older value a newer message replaces is not decoded, and the header is the run's")
    func newestValueWins() throws {
        let run = try #require(
            PropertyChangeRun(startingWith: try Self.message(changing: ["Rate": .value(.variant(.double(1)))])))
        #expect(run.extend(with: try Self.message(changing: ["Volume": .value(.variant(.double(0.5)))])))
        #expect(run.extend(with: try Self.message(changing: ["Rate": .value(.variant(.double(2)))])))
        let signal = try #require(run.signals.first)
        #expect(run.signals.count == 1)
        #expect(signal.path == Self.path && signal.interface == PropertyChangeRun.interface)
        #expect(signal.member == "PropertiesChanged")
        #expect(
            signal.arguments == [
                .string(Self.interfaceName),
                .dictionary(
                    keySignature: "s",
                    valueSignature: "v",
                    [
                        DBusDictionaryEntry(key: .string("Volume"), value: .variant(.double(0.5))),
                        DBusDictionaryEntry(key: .string("Rate"), value: .variant(.double(2))),
                    ]
                ),
                .array(elementSignature: "s", []),
            ]
        )
    }

    @Test("a run takes only the same interface of the same object, as a PropertiesChanged")
    func aRunKeepsToOneObjectAndInterface() throws {
        let run = try #require(PropertyChangeRun(startingWith: try Self.message(changing: ["Rate": .invalidated])))
        let otherInterface = try Self.message(changing: ["Rate": .invalidated], interfaceName: "org.mpris.MediaPlayer2")
        let otherPath = try Self.message(changing: ["Rate": .invalidated], path: "/org/mpris/MediaPlayer2/other")
        let ping = try Message.signal(path: Self.path, interface: PropertyChangeRun.interface, member: "Ping")
        try ping.append([.string(Self.interfaceName)])
        #expect(!run.extend(with: otherInterface))
        #expect(!run.extend(with: otherPath))
        #expect(!run.extend(with: ping))
        #expect(PropertyChangeRun(startingWith: ping) == nil)
        _ = run.signals
        #expect(!run.extend(with: try Self.message(changing: ["Rate": .invalidated])), "a run handed on is closed")
    }

    @Test("a message that cannot be decoded is handed on in its place, between the folds before and after it")
    func anUndecodableMessageSplitsTheRun() throws {
        let first = try Self.message(changing: ["Rate": .value(.variant(.int32(1)))])
        let broken = try Self.messageCarryingAFileDescriptor()
        let last = try Self.message(changing: ["Volume": .value(.variant(.int32(3)))])
        let run = try #require(PropertyChangeRun(startingWith: first))
        #expect(run.extend(with: broken))
        #expect(run.extend(with: last))
        let signals = run.signals
        try #require(signals.count == 3)
        #expect(signals.map { $0.decodingError == nil } == [true, false, true])
        #expect(signals[1].decodingError?.name == .inconsistentMessage)
        #expect(signals[1].arguments.isEmpty)
        #expect(Self.change(of: signals[0]) == ["Rate": .value(.variant(.int32(1)))])
        #expect(Self.change(of: signals[2]) == ["Volume": .value(.variant(.int32(3)))])
    }

    @Test("a value a newer message replaces is skipped, even one that could not be decoded")
    func aReplacedUndecodableValueIsNeverRead() throws {
        let run = try #require(PropertyChangeRun(startingWith: try Self.messageCarryingAFileDescriptor()))
        #expect(run.extend(with: try Self.message(changing: ["Rate": .value(.variant(.int32(3)))])))
        let signals = run.signals
        #expect(signals.count == 1 && signals[0].decodingError == nil)
        #expect(signals.first.map(Self.change(of:)) == ["Rate": .value(.variant(.int32(3)))])
    }

    // MARK: - Helpers

    static func message(
        changing change: Change,
        interfaceName: String = interfaceName,
        path: String = path
    ) throws -> Message {
        let message = try Message.signal(
            path: path, interface: PropertyChangeRun.interface, member: "PropertiesChanged")
        try message.append(arguments(making: change, in: interfaceName))
        return message
    }

    /// The arguments of a `PropertiesChanged` of `interfaceName` making `change`.
    static func arguments(making change: Change, in interfaceName: String) -> [DBusValue] {
        var values: [DBusDictionaryEntry] = []
        var invalidated: [DBusValue] = []
        for (name, setting) in change.sorted(by: { $0.key < $1.key }) {
            switch setting {
            case .value(let value): values.append(DBusDictionaryEntry(key: .string(name), value: value))
            case .invalidated: invalidated.append(.string(name))
            }
        }
        return [
            .string(interfaceName),
            .dictionary(keySignature: "s", valueSignature: "v", values),
            .array(elementSignature: "s", invalidated),
        ]
    }

    /// A `PropertiesChanged` libdbus accepts whose `Rate` holds a Unix file descriptor, which `DBusValue` cannot:
    /// an `int32` in a variant, its type code turned into `h` on the wire.
    static func messageCarryingAFileDescriptor() throws -> Message {
        var bytes = try message(changing: ["Rate": .value(.variant(.int32(0)))]).marshalled()
        let variantSignature: [UInt8] = [1, UInt8(ascii: "i"), 0]
        let start = try #require(bytes.firstRange(of: variantSignature)).lowerBound
        bytes[start + 1] = UInt8(ascii: "h")
        return try Message.demarshal(bytes)
    }

    /// What a folded signal changes.
    static func change(of signal: DBusSignal) -> Change {
        var change: Change = [:]
        guard signal.arguments.count == 3, case .dictionary(_, _, let entries) = signal.arguments[1],
            case .array(_, let invalidated) = signal.arguments[2]
        else { return change }
        for entry in entries { change[entry.key.asString ?? ""] = .value(entry.value) }
        for name in invalidated { change[name.asString ?? ""] = .invalidated }
        return change
    }

    /// The properties after applying `changes` in order to none.
    static func applied(_ changes: [Change]) -> Change {
        changes.reduce(into: [:]) { state, change in state.merge(change) { _, new in new } }
    }
}
