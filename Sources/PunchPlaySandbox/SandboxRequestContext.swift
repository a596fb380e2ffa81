import Foundation
import Hummingbird
import NIOCore

/// Per-request context: the connection (for the caller's IP, and to drop it on purpose), the request id and the
/// body, which the middleware reads once so it can be recorded and then parsed by the route.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var requestID = ""
    var body = Data()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The caller's IP address, the key of per-IP rate budgets.
    var clientAddress: String {
        channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
