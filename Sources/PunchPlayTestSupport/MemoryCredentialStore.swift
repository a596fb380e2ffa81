import PunchPlay

/// A credential store in memory that counts saves and can be told to fail them, standing in for a disk that
/// is full or a process that dies before the save lands.
public actor MemoryCredentialStore: CredentialStore {
    public nonisolated let displayName = "memory"
    /// What a load returns now.
    public private(set) var stored: StoredCredentials?
    /// Every save that succeeded, in order.
    public private(set) var saves: [StoredCredentials] = []
    private var failingSaves = 0

    /// A store holding `stored` (nothing by default).
    public init(_ stored: StoredCredentials? = nil) {
        self.stored = stored
    }

    public func load() throws(CredentialStoreError) -> StoredCredentials? {
        stored
    }

    public func save(_ credentials: StoredCredentials) throws(CredentialStoreError) {
        if failingSaves > 0 {
            failingSaves -= 1
            throw CredentialStoreError("the test store refuses this save")
        }
        stored = credentials
        saves.append(credentials)
    }

    public func delete() throws(CredentialStoreError) {
        stored = nil
    }

    /// Makes the next `count` saves fail.
    public func failNextSaves(_ count: Int) {
        failingSaves = count
    }
}
