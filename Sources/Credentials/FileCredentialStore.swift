import Foundation
import PunchPlay

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The credential store for sessions without a Secret Service: one JSON file, mode 0600, in a 0700
/// directory, replaced atomically (write a temporary file, flush it, rename it over the old one).
/// A file that other users can read is refused rather than trusted.
public struct FileCredentialStore: CredentialStore {
    /// The largest credentials file read; anything bigger is not ours.
    static let maximumFileBytes = 64 * 1024

    public let path: String

    /// - Parameter path: the file, normally `$XDG_STATE_HOME/punchplay-mpris/credentials.json`.
    public init(path: String) {
        self.path = path
    }

    public var displayName: String { "file \(path)" }

    public func load() async throws(CredentialStoreError) -> StoredCredentials? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw CredentialStoreError("Cannot open \(path): \(Self.errorText())")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CredentialStoreError("Cannot inspect \(path): \(Self.errorText())")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CredentialStoreError("\(path) is not a regular file; remove it and log in again.")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CredentialStoreError(
                "\(path) is readable by other users, so its tokens may be compromised; run `chmod 600 \(path)` "
                    + "(and log in again if others may have read it)."
            )
        }
        let contents = try Self.readAll(descriptor, path: path)
        do {
            return try JSONDecoder().decode(StoredCredentials.self, from: contents)
        } catch {
            throw CredentialStoreError("\(path) is damaged; run `punchplay-mpris login` to replace it.")
        }
    }

    public func save(_ credentials: StoredCredentials) async throws(CredentialStoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateDirectory.create(directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let contents = try! encoder.encode(credentials)
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw CredentialStoreError("Cannot create \(temporary): \(Self.errorText())")
        }
        var written = 0
        let ok = contents.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0
        }
        let failure = ok ? nil : Self.errorText()
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw CredentialStoreError("Cannot write \(temporary): \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = Self.errorText()
            unlink(temporary)
            throw CredentialStoreError("Cannot replace \(path): \(reason)")
        }
        Self.syncDirectory(directory)
    }

    public func delete() async throws(CredentialStoreError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw CredentialStoreError("Cannot delete \(path): \(Self.errorText())")
        }
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(CredentialStoreError) -> Data {
        var contents = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw CredentialStoreError("Cannot read \(path): \(errorText())")
            }
            if count == 0 { return contents }
            contents.append(contentsOf: buffer[0..<count])
            if contents.count > maximumFileBytes {
                throw CredentialStoreError("\(path) is far too large to be a credentials file; remove it.")
            }
        }
    }

    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
