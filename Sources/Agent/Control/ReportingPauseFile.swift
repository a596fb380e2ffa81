import Foundation

/// Private mode survives a restart: the pause is written to `reporting-paused` in the agent's state directory
/// (`{"until": UNIX_SECONDS}`, or `{}` for "until resumed") and read back at start-up. Resuming, or
/// an end that has passed, removes the file.
public struct ReportingPauseFile: Sendable {
    /// A pause in force: until when, or nil for until resumed.
    public struct Pause: Sendable, Hashable, Codable {
        public var until: Date?

        public init(until: Date?) {
            self.until = until
        }
    }

    public let path: String

    public init(stateDirectory: String) {
        path = stateDirectory + "/reporting-paused"
    }

    /// The pause in force at `now`, if any; an unreadable file counts as no pause (and says so through `warn`).
    public func load(now: Date, warn: (String) -> Void) -> Pause? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let stored = try? JSONDecoder.pauseFile.decode(Pause.self, from: data) else {
            warn("ignoring the unreadable private-mode file \(path); reporting is on")
            return nil
        }
        if let until = stored.until, until <= now { return nil }
        return stored
    }

    /// Writes the pause atomically (0600; the directory is created if needed).
    public func save(_ pause: Pause) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: directory,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        let data = try JSONEncoder.pauseFile.encode(pause)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        _ = chmod(path, 0o600)
    }

    /// Removes the file; no file is fine.
    public func clear() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension JSONDecoder {
    fileprivate static let pauseFile: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}

extension JSONEncoder {
    fileprivate static let pauseFile: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()
}
