/// Where the token pair lives between runs: the Secret Service when the session has one, else a private
/// file. The token lifecycle saves through it *before* it uses a rotated pair.
public protocol CredentialStore: Sendable {
    /// A short name for messages, such as `file /home/u/.local/state/punchplay-mpris/credentials.json`.
    var displayName: String { get }
    /// The stored pair, or nil when nothing is stored.
    func load() async throws(CredentialStoreError) -> StoredCredentials?
    /// Replaces the stored pair atomically: a crash leaves either the old or the new pair, never a mix.
    func save(_ credentials: StoredCredentials) async throws(CredentialStoreError)
    /// Removes the stored pair; succeeds when there is none.
    func delete() async throws(CredentialStoreError)
}

/// Why a credential store could not do its job, as a sentence the user can act on.
public struct CredentialStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
