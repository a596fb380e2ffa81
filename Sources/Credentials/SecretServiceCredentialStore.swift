import DBus
import Foundation
import PunchPlay

/// The credential store for desktop sessions: one item in the Secret Service (`org.freedesktop.secrets`,
/// GNOME Keyring or KWallet) default collection, found by its attributes, holding the token pair as JSON.
/// `CreateItem` with `replace` swaps the item in one step, so a crash leaves the old or the new pair.
///
/// The secret travels over the session bus with the `plain` algorithm: the session bus is private to the
/// user, which is what libsecret relies on too when it is not asked for transport encryption.
/// - Warning: never log `DBusValue`s of this type's calls; they carry the tokens.
public struct SecretServiceCredentialStore: CredentialStore {
    static let service = "org.freedesktop.secrets"
    static let servicePath = "/org/freedesktop/secrets"
    static let serviceInterface = "org.freedesktop.Secret.Service"
    static let collectionInterface = "org.freedesktop.Secret.Collection"
    static let itemInterface = "org.freedesktop.Secret.Item"
    /// How long a keyring call may take before it counts as unavailable.
    static let callTimeout: Duration = .seconds(10)

    /// The attributes that identify this agent's item.
    static let attributes = ["xdg:schema": "tv.punchplay.mpris.Credentials", "application": "punchplay-mpris"]

    private let connect: @Sendable () async throws -> DBusConnection

    /// - Parameter connect: opens a connection to the bus the Secret Service is on (the session bus).
    public init(connect: @escaping @Sendable () async throws -> DBusConnection = { try await DBusConnection.session() })
    {
        self.connect = connect
    }

    public var displayName: String { "Secret Service keyring" }

    /// Whether a Secret Service answers on the bus, for `credential_store = "auto"`.
    public func isAvailable() async -> Bool {
        (try? await withSession { _, _ in true }) ?? false
    }

    public func load() async throws(CredentialStoreError) -> StoredCredentials? {
        let contents: Data? = try await withSession { connection, session in
            guard let item = try await findItem(connection) else { return nil }
            let reply = try await connection.call(
                destination: Self.service,
                path: item,
                interface: Self.itemInterface,
                member: "GetSecret",
                arguments: [.objectPath(session)],
                timeout: Self.callTimeout
            )
            guard case .structure(let fields)? = reply.first, fields.count == 4,
                case .array(_, let bytes) = fields[2]
            else { throw CredentialStoreError("The keyring returned a secret in an unexpected shape.") }
            return Data(bytes.compactMap { value -> UInt8? in if case .byte(let byte) = value { byte } else { nil } })
        }
        guard let contents else { return nil }
        do {
            return try JSONDecoder().decode(StoredCredentials.self, from: contents)
        } catch {
            throw CredentialStoreError("The keyring item of punchplay-mpris is damaged; run `punchplay-mpris login`.")
        }
    }

    public func save(_ credentials: StoredCredentials) async throws(CredentialStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let contents = try! encoder.encode(credentials)
        try await withSession { connection, session in
            let collection = try await defaultCollection(connection)
            try await unlock([collection], connection)
            let properties = DBusValue.dictionary(
                keySignature: "s",
                valueSignature: "v",
                [
                    DBusDictionaryEntry(
                        key: .string("org.freedesktop.Secret.Item.Label"),
                        value: .variant(.string("PunchPlay login (punchplay-mpris)"))
                    ),
                    DBusDictionaryEntry(
                        key: .string("org.freedesktop.Secret.Item.Attributes"),
                        value: .variant(Self.attributeDictionary)
                    ),
                ]
            )
            let secret = DBusValue.structure([
                .objectPath(session),
                .array(elementSignature: "y", []),
                .array(elementSignature: "y", contents.map { .byte($0) }),
                .string("application/json"),
            ])
            let reply = try await connection.call(
                destination: Self.service,
                path: collection,
                interface: Self.collectionInterface,
                member: "CreateItem",
                arguments: [properties, secret, .boolean(true)],
                timeout: Self.callTimeout
            )
            if reply.count == 2, case .objectPath(let prompt) = reply[1], prompt != "/" {
                throw CredentialStoreError(Self.lockedMessage)
            }
        }
    }

    public func delete() async throws(CredentialStoreError) {
        try await withSession { connection, _ in
            guard let item = try await findItem(connection) else { return }
            let reply = try await connection.call(
                destination: Self.service,
                path: item,
                interface: Self.itemInterface,
                member: "Delete",
                timeout: Self.callTimeout
            )
            if case .objectPath(let prompt)? = reply.first, prompt != "/" {
                throw CredentialStoreError(Self.lockedMessage)
            }
        }
    }

    private static let lockedMessage =
        "The keyring is locked and needs a password prompt; unlock it (log in to the desktop session) "
        + "or set credential_store = \"file\"."

    private static var attributeDictionary: DBusValue {
        .dictionary(
            keySignature: "s",
            valueSignature: "s",
            attributes.sorted { $0.key < $1.key }.map {
                DBusDictionaryEntry(key: .string($0.key), value: .string($0.value))
            }
        )
    }

    /// Opens a connection and a `plain` session, runs `body`, closes both; every failure becomes a
    /// `CredentialStoreError` with a sentence (never the secret).
    private func withSession<Result: Sendable>(
        _ body: (DBusConnection, String) async throws -> Result
    ) async throws(CredentialStoreError) -> Result {
        let connection: DBusConnection
        do {
            connection = try await connect()
        } catch {
            throw CredentialStoreError("Cannot reach the session bus for the keyring: \(error)")
        }
        let outcome: Swift.Result<Result, CredentialStoreError>
        do {
            let reply = try await connection.call(
                destination: Self.service,
                path: Self.servicePath,
                interface: Self.serviceInterface,
                member: "OpenSession",
                arguments: [.string("plain"), .variant(.string(""))],
                timeout: Self.callTimeout
            )
            guard reply.count == 2, case .objectPath(let session) = reply[1] else {
                throw CredentialStoreError("The keyring answered OpenSession in an unexpected shape.")
            }
            outcome = .success(try await body(connection, session))
        } catch let error as CredentialStoreError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(CredentialStoreError("The Secret Service keyring failed: \(error)"))
        }
        await connection.close()
        return try outcome.get()
    }

    private func findItem(_ connection: DBusConnection) async throws -> String? {
        let reply = try await connection.call(
            destination: Self.service,
            path: Self.servicePath,
            interface: Self.serviceInterface,
            member: "SearchItems",
            arguments: [Self.attributeDictionary],
            timeout: Self.callTimeout
        )
        let unlocked = reply.first.flatMap(Self.objectPaths) ?? []
        let locked = reply.count > 1 ? Self.objectPaths(reply[1]) : []
        if let item = unlocked.first { return item }
        guard let item = locked.first else { return nil }
        try await unlock([item], connection)
        return item
    }

    private func defaultCollection(_ connection: DBusConnection) async throws -> String {
        let reply = try await connection.call(
            destination: Self.service,
            path: Self.servicePath,
            interface: Self.serviceInterface,
            member: "ReadAlias",
            arguments: [.string("default")],
            timeout: Self.callTimeout
        )
        guard case .objectPath(let path)? = reply.first, path != "/" else {
            throw CredentialStoreError(
                "The keyring has no default collection; create one (e.g. open Passwords and Keys) "
                    + "or set credential_store = \"file\"."
            )
        }
        return path
    }

    private func unlock(_ objects: [String], _ connection: DBusConnection) async throws {
        let reply = try await connection.call(
            destination: Self.service,
            path: Self.servicePath,
            interface: Self.serviceInterface,
            member: "Unlock",
            arguments: [.array(elementSignature: "o", objects.map { .objectPath($0) })],
            timeout: Self.callTimeout
        )
        if reply.count == 2, case .objectPath(let prompt) = reply[1], prompt != "/" {
            throw CredentialStoreError(Self.lockedMessage)
        }
    }

    private static func objectPaths(_ value: DBusValue) -> [String] {
        guard case .array(_, let elements) = value else { return [] }
        return elements.compactMap { if case .objectPath(let path) = $0 { path } else { nil } }
    }
}
