/// Where the `client_id` the agent logs in with comes from, for `status`, `doctor` and `config check` to say;
/// the raw value is how `status --json` spells it.
public enum ClientIDSource: String, Sendable, Equatable, Encodable {
    /// `client_id` under `[punchplay]` in the configuration (it overrides a built-in one).
    case configuration
    /// Built into the binary by whoever packaged it (`BuiltInClientID`).
    case builtIn = "built_in"
    /// Neither: `login` cannot start until the configuration names one.
    case none
}
