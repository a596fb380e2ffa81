internal import CBuiltInClientID

/// The `client_id` a distributor built into this binary (`make deb CLIENT_ID=...`: packaging/stage.sh writes it
/// into the installed binary), so that a packaged agent can `login` with no configuration at all. The
/// configuration's `client_id` overrides it; `ConfigurationLoader` hands it to `PunchPlaySettings`.
public enum BuiltInClientID {
    /// The built-in `client_id`, or nil when the binary carries none (every plain `swift build`).
    public static let value: String? = ClientIDValidation.validated(String(cString: punchplay_built_in_client_id()))
}
