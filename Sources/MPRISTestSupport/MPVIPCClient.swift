import Dispatch
import Foundation
import TestSupport

/// Talks to mpv's JSON IPC socket (`--input-ipc-server`), so a test can act "inside" the player (seek, pause,
/// read `time-pos`) without going through MPRIS. Each command uses its own short-lived connection on a
/// dispatch queue, so the blocking socket calls never occupy Swift concurrency's threads.
public struct MPVIPCClient: Sendable {
    /// The socket path given to `--input-ipc-server`.
    public let socketPath: String
    /// How long to wait for mpv's reply before failing.
    public let timeout: Duration

    public init(socketPath: String, timeout: Duration = .seconds(5)) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    /// Sends one command (`["seek", "10", "absolute"]`, `["set", "pause", "yes"]`) and returns the reply's
    /// `data` encoded as JSON (`null` when it has none); fails when mpv reports an error.
    @discardableResult
    public func command(_ arguments: [String]) async throws -> String {
        let request = try JSONSerialization.data(withJSONObject: ["command": arguments, "request_id": 1]) + [0x0A]
        let path = socketPath
        let timeout = timeout
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.exchange(request, path: path, timeout: timeout) })
            }
        }
    }

    /// A property's current value as a number (`time-pos`, `duration`).
    public func number(_ property: String) async throws -> Double {
        let data = try await command(["get_property", property])
        guard let number = Double(data) else { throw TestSupportError("mpv property \(property) is \(data)") }
        return number
    }

    /// Blocking: connects, writes `request`, and reads lines until the reply carrying `request_id` arrives
    /// (mpv interleaves event lines).
    private static func exchange(_ request: Data, path: String, timeout: Duration) throws -> String {
        var socket = try UnixSocket(path: path, timeout: timeout)
        defer { socket.close() }
        try socket.write(request)
        while let line = try socket.readLine() {
            guard let reply = try JSONSerialization.jsonObject(with: line) as? [String: Any],
                reply["request_id"] != nil
            else { continue }
            guard reply["error"] as? String == "success" else {
                throw TestSupportError("mpv replied \(String(decoding: line, as: UTF8.self))")
            }
            guard let data = reply["data"] else { return "null" }
            let encoded = try JSONSerialization.data(withJSONObject: [data])
            return String(decoding: encoded.dropFirst().dropLast(), as: UTF8.self)
        }
        throw TestSupportError("mpv closed its IPC socket without replying")
    }
}
