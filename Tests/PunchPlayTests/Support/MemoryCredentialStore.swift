import PunchPlay

/// A credential store in memory that counts saves and can be told to fail them, standing in for a disk that
/// is full or a process that dies before the save lands.
actor MemoryCredentialStore: CredentialStore {
    nonisolated let displayName = "memory"
    private(set) var stored: StoredCredentials?
    private(set) var saves: [StoredCredentials] = []
    private var failingSaves = 0

    init(_ stored: StoredCredentials? = nil) {
        self.stored = stored
    }

    func load() throws(CredentialStoreError) -> StoredCredentials? {
        stored
    }

    func save(_ credentials: StoredCredentials) throws(CredentialStoreError) {
        if failingSaves > 0 {
            failingSaves -= 1
            throw CredentialStoreError("the test store refuses this save")
        }
        stored = credentials
        saves.append(credentials)
    }

    func delete() throws(CredentialStoreError) {
        stored = nil
    }

    /// Makes the next `count` saves fail.
    func failNextSaves(_ count: Int) {
        failingSaves = count
    }
}
