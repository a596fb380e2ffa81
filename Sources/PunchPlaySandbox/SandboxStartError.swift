/// The sandbox could not start listening (the port is taken, or the host is not a local address).
public struct SandboxStartError: Error, CustomStringConvertible {
    /// The requested host.
    public var host: String
    /// The requested port.
    public var port: Int

    public var description: String {
        "The sandbox could not listen on \(host):\(port); is the port already in use?"
    }
}
