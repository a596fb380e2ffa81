/// Where login credentials are kept (`[punchplay] credential_store`): the Secret Service when the session has
/// one (`auto`), always the Secret Service (`keyring`), or always the 0600 file in the state directory (`file`).
public enum CredentialStoreChoice: String, Sendable, Equatable, CaseIterable {
    case auto
    case keyring
    case file
}
