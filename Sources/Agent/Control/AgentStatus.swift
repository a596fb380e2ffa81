import Foundation

/// What the running agent sees right now — login, players and their sessions, the queue, private mode — as one
/// value: the agent publishes it as its D-Bus properties, and `status` reads it back to print it or put it in
/// `--json`.
public struct AgentStatus: Sendable, Hashable, Codable {
    /// Whether events can reach PunchPlay.
    public struct Login: Sendable, Hashable, Codable {
        /// The login's condition, as the `LoginState` property's first field spells it.
        public enum State: String, Sendable, Hashable, Codable {
            /// Logged in; events flow.
            case loggedIn = "logged_in"
            /// Nobody is logged in, or the service refused the login: `punchplay-mpris login` is needed.
            case needed
            /// Logged in, but events are held (the login lacks a scope, or the service refuses it).
            case held
            /// The agent runs with `--dry-run` and has no login.
            case dryRun = "dry_run"
        }

        public var state: State
        /// Why the state is not `logged_in`; empty when it is.
        public var reason: String

        public init(state: State, reason: String = "") {
            self.state = state
            self.reason = reason
        }
    }

    /// One player the agent follows, and what it reports of it.
    public struct PlayingItem: Sendable, Hashable, Codable {
        /// Whether the player's item is reported, as the `state` key spells it.
        public enum Reporting: String, Sendable, Hashable, Codable {
            /// A session is open: PunchPlay hears about it.
            case reporting
            /// Playing, but not yet for the settle window.
            case settling
            /// Not reported; `reason` says why.
            case notReported = "not_reported"
            /// Private mode is on.
            case paused
        }

        public var busName: String
        public var player: String
        /// `Playing`, `Paused` or `Stopped`.
        public var status: String
        public var title: String?
        /// `movie` or `episode` once identified.
        public var kind: String?
        public var season: Int?
        public var episode: Int?
        /// The position last heard from the player, in seconds.
        public var positionSeconds: Double?
        /// The item's length as the player tells it, in seconds.
        public var lengthSeconds: Double?
        /// The `playback_session_id` of the open session, if one is open.
        public var sessionID: String?
        public var state: Reporting
        /// Why it is not reported, for `not_reported`.
        public var reason: String?

        enum CodingKeys: String, CodingKey {
            case busName = "bus_name"
            case positionSeconds = "position_seconds"
            case lengthSeconds = "length_seconds"
            case sessionID = "session_id"
            case player, status, title, kind, season, episode, state, reason
        }

        public init(
            busName: String,
            player: String,
            status: String,
            title: String? = nil,
            kind: String? = nil,
            season: Int? = nil,
            episode: Int? = nil,
            positionSeconds: Double? = nil,
            lengthSeconds: Double? = nil,
            sessionID: String? = nil,
            state: Reporting,
            reason: String? = nil
        ) {
            self.busName = busName
            self.player = player
            self.status = status
            self.title = title
            self.kind = kind
            self.season = season
            self.episode = episode
            self.positionSeconds = positionSeconds
            self.lengthSeconds = lengthSeconds
            self.sessionID = sessionID
            self.state = state
            self.reason = reason
        }
    }

    /// The outbox as the delivery loop sees it.
    public struct Queue: Sendable, Hashable, Codable {
        public var pending: Int
        public var deadLetters: Int
        /// Why nothing is sent although events wait (login needed, back-off, `Retry-After`); nil when not held.
        public var holdReason: String?
        /// When the next attempt is due, if the loop waits.
        public var nextAttemptAt: Date?
        /// The disk refuses to write the outbox: new events wait in memory until it accepts them again.
        public var diskRefusing: Bool

        enum CodingKeys: String, CodingKey {
            case pending
            case deadLetters = "dead_letters"
            case holdReason = "hold_reason"
            case nextAttemptAt = "next_attempt_at"
            case diskRefusing = "disk_refusing"
        }

        public init(
            pending: Int = 0,
            deadLetters: Int = 0,
            holdReason: String? = nil,
            nextAttemptAt: Date? = nil,
            diskRefusing: Bool = false
        ) {
            self.pending = pending
            self.deadLetters = deadLetters
            self.holdReason = holdReason
            self.nextAttemptAt = nextAttemptAt
            self.diskRefusing = diskRefusing
        }
    }

    public var version: String
    /// The PunchPlay user name; empty when nobody is logged in.
    public var account: String
    public var login: Login
    public var playing: [PlayingItem]
    public var queue: Queue
    /// Whether private mode is on: nothing is reported.
    public var reportingPaused: Bool
    /// When private mode ends by itself; nil when it lasts until resumed (or is off).
    public var reportingPausedUntil: Date?

    enum CodingKeys: String, CodingKey {
        case version, account, login, playing, queue
        case reportingPaused = "reporting_paused"
        case reportingPausedUntil = "reporting_paused_until"
    }

    public init(
        version: String,
        account: String = "",
        login: Login,
        playing: [PlayingItem] = [],
        queue: Queue = Queue(),
        reportingPaused: Bool = false,
        reportingPausedUntil: Date? = nil
    ) {
        self.version = version
        self.account = account
        self.login = login
        self.playing = playing
        self.queue = queue
        self.reportingPaused = reportingPaused
        self.reportingPausedUntil = reportingPausedUntil
    }
}
