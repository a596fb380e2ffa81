import Credentials
import Foundation
import Testing

@testable import PunchPlay

@Suite("File credential store")
struct FileCredentialStoreTests {
    private let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "punchplay-store-\(UUID().uuidString)"
    }

    private var path: String { directory + "/punchplay-mpris/credentials.json" }

    private let credentials = StoredCredentials(
        accessToken: Secret("access-1"),
        refreshToken: Secret("refresh-1"),
        accessTokenExpiresAt: Date(timeIntervalSince1970: 1_800_000_000),
        refreshTokenExpiresAt: Date(timeIntervalSince1970: 1_900_000_000),
        scopes: PunchPlayScope.allCases.map(\.rawValue),
        username: "ada"
    )

    private func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test("Saves with mode 0600 in a 0700 directory and reads it back")
    func roundTrip() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = FileCredentialStore(path: path)
        #expect(try await store.load() == nil)
        try await store.save(credentials)
        #expect(try mode(of: path) == 0o600)
        #expect(try mode(of: directory + "/punchplay-mpris") == 0o700)
        #expect(try await store.load() == credentials)
    }

    @Test("Replacing leaves exactly one file, the new one, and no temporary files")
    func atomicReplace() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = FileCredentialStore(path: path)
        try await store.save(credentials)
        var second = credentials
        second.refreshToken = Secret("refresh-2")
        try await store.save(second)
        #expect(try await store.load()?.refreshToken == Secret("refresh-2"))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/punchplay-mpris")
        #expect(names == ["credentials.json"])
    }

    @Test("A group- or world-readable file is refused with the chmod that fixes it", arguments: [0o640, 0o604, 0o644])
    func refusesReadableFile(mode: Int) async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = FileCredentialStore(path: path)
        try await store.save(credentials)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        await #expect {
            try await store.load()
        } throws: { error in
            "\(error)".contains("chmod 600 \(path)")
        }
    }

    @Test("A damaged file gives a message saying how to recover")
    func damaged() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = FileCredentialStore(path: path)
        try await store.save(credentials)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        await #expect {
            try await store.load()
        } throws: { error in
            "\(error)".contains("punchplay-mpris login")
        }
    }

    @Test("Delete removes the file and succeeds when there is none")
    func delete() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = FileCredentialStore(path: path)
        try await store.save(credentials)
        try await store.delete()
        #expect(!FileManager.default.fileExists(atPath: path))
        try await store.delete()
    }
}
