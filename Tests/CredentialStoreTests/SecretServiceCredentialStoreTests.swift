import Agent
import BusTestSupport
import Credentials
import DBus
import Foundation
import PunchPlay
import Testing

@Suite(
    "Secret Service credential store against a real gnome-keyring-daemon",
    .enabled(if: KeyringDaemon.isInstalled, "gnome-keyring-daemon is not installed (apt-get install gnome-keyring)"),
    .timeLimit(.minutes(1))
)
struct SecretServiceCredentialStoreTests {
    private let credentials = StoredCredentials(
        accessToken: Secret("access-1"),
        refreshToken: Secret("refresh-1"),
        accessTokenExpiresAt: Date(timeIntervalSince1970: 1_800_000_000),
        accessTokenIssuedAt: Date(timeIntervalSince1970: 1_799_996_400),
        scopes: PunchPlayScope.allCases.map(\.rawValue),
        username: "ada"
    )

    @Test("Saves, replaces in place, loads and deletes the one item")
    func roundTrip() async throws {
        try await KeyringDaemon.with { bus in
            let store = SecretServiceCredentialStore { try await bus.connect() }
            #expect(await store.isAvailable())
            #expect(try await store.load() == nil)
            try await store.save(credentials)
            #expect(try await store.load() == credentials)
            var rotated = credentials
            rotated.refreshToken = Secret("refresh-2")
            try await store.save(rotated)
            #expect(try await store.load() == rotated)
            #expect(try await itemCount(on: bus) == 1)
            try await store.delete()
            #expect(try await store.load() == nil)
            #expect(try await itemCount(on: bus) == 0)
            try await store.delete()
        }
    }

    @Test("auto picks the keyring when one answers")
    func autoPicksKeyring() async throws {
        try await KeyringDaemon.with { bus in
            let directories = XDGDirectories(configHome: "/nonexistent", stateHome: "/nonexistent")
            let store = try await CredentialStoreFactory.store(
                for: .auto,
                stateDirectory: directories.agentStateDirectory,
                keyring: SecretServiceCredentialStore { try await bus.connect() }
            )
            #expect(store is SecretServiceCredentialStore)
        }
    }

    @Test("Without a Secret Service, auto falls back to the file and keyring says what to do")
    func noKeyring() async throws {
        try await PrivateBus.with { bus in
            let keyring = SecretServiceCredentialStore { try await bus.connect() }
            let directories = XDGDirectories(configHome: "/c", stateHome: "/s")
            let fallback = try await CredentialStoreFactory.store(
                for: .auto, stateDirectory: directories.agentStateDirectory, keyring: keyring)
            #expect((fallback as? FileCredentialStore)?.path == "/s/punchplay-mpris/credentials.json")
            await #expect {
                try await CredentialStoreFactory.store(
                    for: .keyring, stateDirectory: directories.agentStateDirectory, keyring: keyring)
            } throws: { error in
                "\(error)".contains("credential_store = \"file\"")
            }
        }
    }

    /// How many items carry this agent's attributes.
    private func itemCount(on bus: PrivateBus) async throws -> Int {
        let connection = try await bus.connect()
        let attributes = DBusValue.dictionary(
            keySignature: "s",
            valueSignature: "s",
            [DBusDictionaryEntry(key: .string("application"), value: .string("punchplay-mpris"))]
        )
        let reply = try await connection.call(
            destination: "org.freedesktop.secrets",
            path: "/org/freedesktop/secrets",
            interface: "org.freedesktop.Secret.Service",
            member: "SearchItems",
            arguments: [attributes]
        )
        await connection.close()
        return reply.reduce(0) { count, value in
            if case .array(_, let items) = value { count + items.count } else { count }
        }
    }
}
