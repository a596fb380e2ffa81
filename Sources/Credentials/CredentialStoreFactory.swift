import PunchPlay

/// Picks the credential store `[punchplay] credential_store` asks for: `file` is the 0600 file in the state
/// directory, `keyring` the Secret Service, `auto` the Secret Service when the session has one, else the file.
public enum CredentialStoreFactory {
    /// The store for `choice`; `auto` asks the session bus whether a Secret Service answers.
    /// - Parameters:
    ///   - stateDirectory: the agent's state directory, where the file store keeps `credentials.json`.
    ///   - keyring: the Secret Service store to use or probe (the session bus by default).
    /// - Throws: `CredentialStoreError` when `keyring` is asked for and the session has no Secret Service.
    public static func store(
        for choice: CredentialStoreChoice,
        stateDirectory: String,
        keyring: SecretServiceCredentialStore = SecretServiceCredentialStore()
    ) async throws(CredentialStoreError) -> any CredentialStore {
        switch choice {
        case .file:
            return FileCredentialStore(path: stateDirectory + "/credentials.json")
        case .keyring:
            guard await keyring.isAvailable() else {
                throw CredentialStoreError(
                    "credential_store = \"keyring\" but no Secret Service (org.freedesktop.secrets) answers on the "
                        + "session bus; start GNOME Keyring or KWallet, or set credential_store = \"file\"."
                )
            }
            return keyring
        case .auto:
            if await keyring.isAvailable() { return keyring }
            return FileCredentialStore(path: stateDirectory + "/credentials.json")
        }
    }
}
