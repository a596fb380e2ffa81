import DBus
import Foundation

/// `AgentStatus` as the properties of `tv.punchplay.Mpris1`, and back: plain D-Bus types a shell script can read
/// with `busctl` or `gdbus` (times as Unix seconds, 0 for none; absent dictionary keys for unknown values).
extension AgentStatus {
    /// The property names, in the order introspection lists them.
    public enum Property {
        public static let version = "Version"
        public static let account = "Account"
        public static let loginState = "LoginState"
        public static let playing = "Playing"
        public static let queue = "Queue"
        public static let reportingPaused = "ReportingPaused"
        public static let reportingPausedUntil = "ReportingPausedUntil"
    }

    /// Every property with its value.
    public var busProperties: [String: DBusValue] {
        [
            Property.version: .string(version),
            Property.account: .string(account),
            Property.loginState: .structure([.string(login.state.rawValue), .string(login.reason)]),
            Property.playing: .array(elementSignature: "a{sv}", playing.map(\.busValue)),
            Property.queue: queue.busValue,
            Property.reportingPaused: .boolean(reportingPaused),
            Property.reportingPausedUntil: .int64(Self.unixSeconds(reportingPausedUntil)),
        ]
    }

    /// Reads the answer of `GetAll`; a property that is missing or of the wrong type keeps its neutral value.
    /// - Throws: `AgentStatusDecodingError` when the answer is not an agent's (no `Version`).
    public init(busProperties properties: [String: DBusValue]) throws(AgentStatusDecodingError) {
        guard let version = properties[Property.version]?.asString else {
            throw AgentStatusDecodingError()
        }
        var login = Login(state: .needed, reason: "")
        if case .structure(let fields) = properties[Property.loginState]?.unwrappedVariant, fields.count == 2,
            let state = fields[0].asString.flatMap(Login.State.init(rawValue:))
        {
            login = Login(state: state, reason: fields[1].asString ?? "")
        }
        self.init(
            version: version,
            account: properties[Property.account]?.asString ?? "",
            login: login,
            playing: (properties[Property.playing]?.asArray ?? []).compactMap(PlayingItem.init(busValue:)),
            queue: properties[Property.queue].map(Queue.init(busValue:)) ?? Queue(),
            reportingPaused: properties[Property.reportingPaused]?.asBool ?? false,
            reportingPausedUntil: Self.date(unixSeconds: properties[Property.reportingPausedUntil]?.asInt64)
        )
    }

    static func unixSeconds(_ date: Date?) -> Int64 {
        guard let date else { return 0 }
        return Int64(date.timeIntervalSince1970.rounded(.up))
    }

    static func date(unixSeconds: Int64?) -> Date? {
        guard let unixSeconds, unixSeconds > 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(unixSeconds))
    }
}

extension AgentStatus.PlayingItem {
    var busValue: DBusValue {
        var entries: [(String, DBusValue)] = [
            ("bus_name", .string(busName)),
            ("player", .string(player)),
            ("status", .string(status)),
            ("state", .string(state.rawValue)),
        ]
        if let title { entries.append(("title", .string(title))) }
        if let kind { entries.append(("kind", .string(kind))) }
        if let season { entries.append(("season", .int32(Int32(clamping: season)))) }
        if let episode { entries.append(("episode", .int32(Int32(clamping: episode)))) }
        if let positionSeconds { entries.append(("position_seconds", .double(positionSeconds))) }
        if let lengthSeconds { entries.append(("length_seconds", .double(lengthSeconds))) }
        if let sessionID { entries.append(("session_id", .string(sessionID))) }
        if let reason { entries.append(("reason", .string(reason))) }
        return .stringVariantDictionary(entries)
    }

    init?(busValue: DBusValue) {
        guard let fields = busValue.asStringDictionary, let busName = fields["bus_name"]?.asString else { return nil }
        self.init(
            busName: busName,
            player: fields["player"]?.asString ?? "",
            status: fields["status"]?.asString ?? "",
            title: fields["title"]?.asString,
            kind: fields["kind"]?.asString,
            season: fields["season"]?.asInt64.map { Int(clamping: $0) },
            episode: fields["episode"]?.asInt64.map { Int(clamping: $0) },
            positionSeconds: fields["position_seconds"]?.asDouble,
            lengthSeconds: fields["length_seconds"]?.asDouble,
            sessionID: fields["session_id"]?.asString,
            state: fields["state"]?.asString.flatMap(Reporting.init(rawValue:)) ?? .notReported,
            reason: fields["reason"]?.asString
        )
    }
}

extension AgentStatus.Queue {
    var busValue: DBusValue {
        .stringVariantDictionary([
            ("pending", .uint32(UInt32(clamping: pending))),
            ("dead_letters", .uint32(UInt32(clamping: deadLetters))),
            ("hold_reason", .string(holdReason ?? "")),
            ("next_attempt_at", .int64(AgentStatus.unixSeconds(nextAttemptAt))),
            ("disk_refusing", .boolean(diskRefusing)),
        ])
    }

    init(busValue: DBusValue) {
        let fields = busValue.asStringDictionary ?? [:]
        self.init(
            pending: fields["pending"]?.asInt64.map { Int(clamping: $0) } ?? 0,
            deadLetters: fields["dead_letters"]?.asInt64.map { Int(clamping: $0) } ?? 0,
            holdReason: fields["hold_reason"]?.asString.flatMap { $0.isEmpty ? nil : $0 },
            nextAttemptAt: AgentStatus.date(unixSeconds: fields["next_attempt_at"]?.asInt64),
            diskRefusing: fields["disk_refusing"]?.asBool ?? false
        )
    }
}

/// The bus answered, but not with an agent's properties (another program owns the name?).
public struct AgentStatusDecodingError: Error, CustomStringConvertible {
    public var description: String {
        "the program owning \(AgentBus.name) does not answer like a punchplay-mpris agent"
    }
}
