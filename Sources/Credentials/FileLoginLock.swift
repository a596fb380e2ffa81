import Foundation
import PlaybackModel
import PunchPlay

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The login lock the agent and every command share: `flock(2)` on `login.lock` (0600) in the state
/// directory, whichever credential store holds the login. The lock file holds nothing and is never deleted
/// (deleting it would let two processes lock two different files). Waiting polls a non-blocking `flock` with
/// short sleeps, so no thread of Swift's cooperative pool ever blocks and a cancelled wait ends at once; the
/// descriptor is opened per use and closing it releases the lock, whatever way the locked work ends.
public struct FileLoginLock: LoginLock {
    /// The pause between two tries while another process holds the lock.
    static let retryInterval: Duration = .milliseconds(10)

    public let path: String

    /// - Parameter stateDirectory: the agent's state directory; the lock is `login.lock` in it.
    public init(stateDirectory: String) {
        self.path = stateDirectory + "/login.lock"
    }

    public func withLock<Value: Sendable>(
        _ body: @Sendable () async -> Value
    ) async throws(PunchPlayError) -> Value {
        let descriptor = try openLockFile()
        defer { close(descriptor) }
        try await acquire(descriptor)
        return await body()
    }

    private func openLockFile() throws(PunchPlayError) -> Int32 {
        do {
            try PrivateDirectory.create((path as NSString).deletingLastPathComponent)
        } catch {
            throw failure(error.description)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure("Cannot open \(path): \(Self.errorText())") }
        return descriptor
    }

    private func acquire(_ descriptor: Int32) async throws(PunchPlayError) {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw failure("Cannot lock \(path): \(Self.errorText())")
            }
            do {
                try await Task.sleep(for: Self.retryInterval)
            } catch {
                throw failure("Waiting for the login lock \(path) was cancelled.")
            }
        }
    }

    private func failure(_ message: String) -> PunchPlayError {
        PunchPlayError(status: nil, code: "login_lock", message: message, retryClass: .transient)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
