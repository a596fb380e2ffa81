import BusTestSupport
import TestSupport
import Testing

@testable import DBus

@Suite("Signal subscriptions")
struct SignalTests {
    static let rule = MatchRule(interface: "org.punchplay.Test", member: "Ping", path: "/org/punchplay/Test")

    @Test func signalsArriveInOrderWithSenderAndArguments() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let stream = try await object.client.signals(matching: Self.rule)
                for number in 0..<3 {
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: TestObject.interface,
                        member: "Ping",
                        arguments: [.int32(Int32(number)), .string("n\(number)")]
                    )
                }
                let received = try await withTimeout { try await stream.collect(3) }
                let serverName = await object.server.uniqueName
                #expect(received.map(\.arguments) == (0..<3).map { [.int32(Int32($0)), .string("n\($0)")] })
                #expect(received.allSatisfy { $0.sender == serverName && $0.path == TestObject.path })
                #expect(received.allSatisfy { $0.interface == TestObject.interface && $0.member == "Ping" })
            }
        }
    }

    @Test func tenThousandSignalsArriveWithNoneDropped() async throws {
        let count = 10_000
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let stream = try await object.client.signals(matching: Self.rule)
                try await Self.emitPings(count, from: object)
                let received = try await withTimeout(.seconds(60)) { try await stream.collect(count) }
                #expect(received.map { $0.arguments.first?.asInt64 } == (0..<count).map { Int64($0) })
            }
        }
    }

    @Test func aFloodArrivesInBatchesWithEverySignalInOrder() async throws {
        let count = 10_000
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let batches = try await object.client.signalBatches(matching: Self.rule)
                try await Self.emitPings(count, from: object)
                let (received, sizes) = try await withTimeout(.seconds(60)) {
                    var received: [DBusSignal] = []
                    var sizes: [Int] = []
                    for await batch in batches {
                        sizes.append(batch.count)
                        received += batch
                        if received.count >= count { break }
                    }
                    return (received, sizes)
                }
                #expect(received.map { $0.arguments.first?.asInt64 } == (0..<count).map { Int64($0) })
                #expect(!sizes.contains(0))
                #expect(sizes.count < count / 2, "read in batches: \(sizes.count) batches for \(count) signals")
            }
        }
    }

    @Test func aFloodOfPropertyChangesArrivesFoldedInItsFinalState() async throws {
        let count = 10_000
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let batches = try await object.client.signalBatches(matching: MatchRule(path: TestObject.path))
                var sent: [PropertyChangeRunTests.Change] = []
                for number in 0..<count {
                    var change: PropertyChangeRunTests.Change = ["Counter": .value(.variant(.int32(Int32(number))))]
                    if number.isMultiple(of: 7) { change["Label"] = .value(.variant(.string("label \(number)"))) }
                    if number % 10 == 9 { change["Label"] = .invalidated }
                    sent.append(change)
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: PropertyChangeRun.interface,
                        member: PropertyChangeRun.member,
                        arguments: PropertyChangeRunTests.arguments(making: change, in: TestObject.interface)
                    )
                }
                try await object.server.emitSignal(
                    path: TestObject.path, interface: TestObject.interface, member: "Ping", arguments: [.int32(0)])
                let received = try await withTimeout(.seconds(60)) {
                    var received: [DBusSignal] = []
                    for await batch in batches {
                        received += batch
                        if batch.contains(where: { $0.member == "Ping" }) { break }
                    }
                    return received
                }
                let changes = received.filter { $0.member == PropertyChangeRun.member }
                #expect(changes.count < count / 2, "folded: \(changes.count) signals for \(count) changes")
                #expect(changes.allSatisfy { $0.decodingError == nil && $0.arguments.count == 3 })
                #expect(changes.allSatisfy { $0.arguments.first == .string(TestObject.interface) })
                #expect(
                    PropertyChangeRunTests.applied(changes.map(PropertyChangeRunTests.change(of:)))
                        == PropertyChangeRunTests.applied(sent)
                )
            }
        }
    }

    /// Emits `count` pings numbered from 0 from the test object's server, as fast as the connection sends.
    private static func emitPings(_ count: Int, from object: TestObject) async throws {
        for number in 0..<count {
            try await object.server.emitSignal(
                path: TestObject.path,
                interface: TestObject.interface,
                member: "Ping",
                arguments: [.int32(Int32(number))]
            )
        }
    }

    @Test func eachSubscriptionGetsOnlyWhatItsRuleMatches() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let pings = try await object.client.signals(matching: Self.rule)
                var onlyB = MatchRule(interface: TestObject.interface, member: "Ping")
                onlyB.arguments = [0: "b"]
                let filtered = try await object.client.signals(matching: onlyB)
                for argument in ["a", "b", "c"] {
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: TestObject.interface,
                        member: "Ping",
                        arguments: [.string(argument)]
                    )
                }
                let all = try await withTimeout { try await pings.collect(3) }
                #expect(all.map(\.arguments) == [[.string("a")], [.string("b")], [.string("c")]])
                try await object.server.emitSignal(
                    path: TestObject.path,
                    interface: TestObject.interface,
                    member: "Ping",
                    arguments: [.string("b")]
                )
                let bs = try await withTimeout { try await filtered.collect(2) }
                #expect(bs.map(\.arguments) == [[.string("b")], [.string("b")]])
            }
        }
    }

    @Test func endingTheStreamRemovesItsMatchRuleFromTheBus() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                try await receiveOnePing(object)
                let error = try await #require(throws: DBusError.self) {
                    try await object.client.removeMatch(Self.rule)
                }
                #expect(error.name == .matchRuleNotFound)
            }
        }
    }

    @Test func cancellingTheConsumerRemovesTheMatchRule() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                let stream = try await object.client.signals(matching: Self.rule)
                let consumer = Task { for await _ in stream {} }
                consumer.cancel()
                await consumer.value
                let error = try await #require(throws: DBusError.self) {
                    try await object.client.removeMatch(Self.rule)
                }
                #expect(error.name == .matchRuleNotFound)
            }
        }
    }

    @Test func streamsFinishWhenTheConnectionCloses() async throws {
        try await PrivateBus.with { bus in
            let connection = try await bus.connect()
            let stream = try await connection.signals(matching: Self.rule)
            await connection.close()
            let received = try await withTimeout { try await stream.collect() }
            #expect(received.isEmpty)
        }
    }

    @Test func aRuleTheBusRejectsThrows() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { connection in
                let error = try await #require(throws: DBusError.self) {
                    try await connection.signals(matching: MatchRule(path: "not/a/path"))
                }
                #expect(error.name == .matchRuleInvalid)
            }
        }
    }

    @Test func nameOwnerChangedArrivesFromTheBusFilteredByNamespace() async throws {
        try await PrivateBus.with { bus in
            try await bus.withConnection { watcher in
                try await bus.withConnection { owner in
                    let rule = MatchRule(
                        sender: "org.freedesktop.DBus",
                        interface: "org.freedesktop.DBus",
                        member: "NameOwnerChanged",
                        arg0Namespace: "org.mpris.MediaPlayer2"
                    )
                    let changes = try await watcher.signals(matching: rule)
                    try await owner.requestName("org.punchplay.Unrelated")
                    try await owner.requestName("org.mpris.MediaPlayer2.fake")
                    let first = try await withTimeout { try await changes.collect(1) }.first
                    let ownerName = await owner.uniqueName
                    #expect(first?.sender == "org.freedesktop.DBus")
                    #expect(
                        first?.arguments == [.string("org.mpris.MediaPlayer2.fake"), .string(""), .string(ownerName)])
                }
            }
        }
    }

    @Test func aWellKnownSenderRuleReceivesTheOwnersSignals() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                var rule = Self.rule
                rule.sender = TestObject.busName
                let stream = try await object.client.signals(matching: rule)
                try await object.server.emitSignal(
                    path: TestObject.path,
                    interface: TestObject.interface,
                    member: "Ping",
                    arguments: [.int32(1)]
                )
                let received = try await withTimeout { try await stream.collect(1) }
                #expect(received.first?.sender == (await object.server.uniqueName))
            }
        }
    }

    @Test func aSignalWithADestinationReachesOnlyThatConnection() async throws {
        try await PrivateBus.with { bus in
            try await TestObject.with(on: bus) { object in
                try await bus.withConnection { bystander in
                    let bystanderStream = try await bystander.signals(matching: Self.rule)
                    let clientStream = try await object.client.signals(matching: Self.rule)
                    let clientName = await object.client.uniqueName
                    let bystanderName = await bystander.uniqueName
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: TestObject.interface,
                        member: "Ping",
                        arguments: [.string("private")],
                        destination: clientName
                    )
                    try await object.server.emitSignal(
                        path: TestObject.path,
                        interface: TestObject.interface,
                        member: "Ping",
                        arguments: [.string("for the bystander")],
                        destination: bystanderName
                    )
                    let toClient = try await withTimeout { try await clientStream.collect(1) }
                    let toBystander = try await withTimeout { try await bystanderStream.collect(1) }
                    #expect(toClient.first?.arguments == [.string("private")])
                    #expect(toBystander.first?.arguments == [.string("for the bystander")])
                }
            }
        }
    }

    /// Subscribes, receives one signal, and lets the stream go out of scope.
    private func receiveOnePing(_ object: TestObject) async throws {
        let stream = try await object.client.signals(matching: Self.rule)
        try await object.server.emitSignal(path: TestObject.path, interface: TestObject.interface, member: "Ping")
        let first = try await withTimeout { await stream.first { _ in true } }
        #expect(first?.member == "Ping")
    }
}
