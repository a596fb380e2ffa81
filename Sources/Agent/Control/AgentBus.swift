import DBus

/// The names under which the running agent is reachable on the session bus, shared by the agent (which
/// serves them) and the commands, a tray or scripts (which call them). Documented in README's "D-Bus interface".
public enum AgentBus {
    /// The well-known name; owning it is what makes an agent the session's only one.
    public static let name = "tv.punchplay.Mpris"
    /// The one exported object.
    public static let objectPath = "/tv/punchplay/Mpris"
    /// The interface with the agent's properties and methods (versioned: a change that breaks callers gets `2`).
    public static let interface = "tv.punchplay.Mpris1"

    /// The typed errors the interface's methods answer with, besides the standard `InvalidArgs` and
    /// `AccessDenied`.
    public enum ErrorName {
        /// The agent runs with `--dry-run`: it has no login to adopt or forget.
        public static let dryRun: DBusErrorName = "tv.punchplay.Mpris1.Error.DryRun"
        /// `LoggedIn()` was called but the credential store holds no usable login.
        public static let noLogin: DBusErrorName = "tv.punchplay.Mpris1.Error.NoLogin"
        /// The outbox or credential store refused the change; the message says why.
        public static let storage: DBusErrorName = "tv.punchplay.Mpris1.Error.Storage"
        /// The configuration file did not validate; the previous one stays in effect.
        public static let invalidConfiguration: DBusErrorName = "tv.punchplay.Mpris1.Error.InvalidConfiguration"
    }
}
