/// A well-known bus name in the `org.mpris.MediaPlayer2.` namespace, validated once at the edge and split into
/// the stable player name the configuration uses and the per-launch instance suffix that it must ignore.
///
/// ```swift
/// MPRISBusName("org.mpris.MediaPlayer2.vlc.instance1234")?.playerName  // "vlc"
/// MPRISBusName("org.mpris.MediaPlayer2.firefox.instance_1_23")?.playerName  // "firefox"
/// MPRISBusName("org.freedesktop.DBus")  // nil: not a player
/// ```
public struct MPRISBusName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace every MPRIS player's bus name lives in, dot included.
    public static let namespacePrefix = "org.mpris.MediaPlayer2."
    /// The namespace without its trailing dot, as `arg0namespace` match rules want it.
    public static let namespace = "org.mpris.MediaPlayer2"
    /// First name elements of players that re-export another player; counting them would double-count.
    public static let mirrorNames: Set<String> = ["playerctld", "kdeconnect"]
    /// The longest bus name D-Bus allows.
    static let maximumLength = 255

    /// The full well-known name, e.g. `org.mpris.MediaPlayer2.vlc.instance1234`.
    public let rawValue: String
    /// The stable name: the part after the namespace without an instance suffix (`vlc`, `firefox`,
    /// `io.github.celluloid_player.Celluloid`).
    public let playerName: String
    /// The per-launch suffix (`instance1234`, `instance_1_23`, `instance-1`), when there is one.
    public let instance: String?

    /// Parses a bus name; nil when it is not a valid well-known name inside the MPRIS namespace.
    public init?(_ rawValue: String) {
        guard rawValue.utf8.count <= Self.maximumLength, rawValue.hasPrefix(Self.namespacePrefix) else { return nil }
        let elements = rawValue.dropFirst(Self.namespacePrefix.count).split(
            separator: ".", omittingEmptySubsequences: false)
        guard !elements.isEmpty, elements.allSatisfy(Self.isValidElement) else { return nil }
        self.rawValue = rawValue
        if elements.count > 1, let last = elements.last, Self.isInstanceSuffix(last) {
            instance = String(last)
            playerName = elements.dropLast().joined(separator: ".")
        } else {
            instance = nil
            playerName = elements.joined(separator: ".")
        }
    }

    /// True for `playerctld`, KDE Connect and other players that mirror another player.
    public var isMirror: Bool {
        let first = playerName.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return Self.mirrorNames.contains(first)
    }

    public var description: String { rawValue }

    /// A D-Bus well-known name element: `[A-Za-z0-9_-]+`, not starting with a digit.
    private static func isValidElement(_ element: Substring) -> Bool {
        guard let first = element.utf8.first, !isDigit(first) else { return false }
        return element.utf8.allSatisfy {
            isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// `instance` followed by digits, `_` and `-` with at least one digit, as VLC, Chromium, Firefox and
    /// Celluloid append them.
    private static func isInstanceSuffix(_ element: Substring) -> Bool {
        guard element.hasPrefix("instance") else { return false }
        let rest = element.utf8.dropFirst("instance".utf8.count)
        return rest.contains(where: isDigit)
            && rest.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
