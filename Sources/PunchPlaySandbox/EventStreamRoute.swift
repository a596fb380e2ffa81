import Foundation
import Hummingbird

/// `GET /playback/events`: Server-Sent Events, `ready` on connect and `playback-update` on each state change (§5).
struct EventStreamRoute {
    let state: SandboxState
    let playback: PlaybackRoutes

    func register(on router: Router<SandboxRequestContext>) {
        router.get("\(SandboxAPI.prefix)/playback/events") { request, _ in
            try await stream(request)
        }
    }

    private func stream(_ request: Request) async throws -> Response {
        let grant = try await playback.authorize(request, scope: SandboxScope.eventsRead)
        guard let accept = request.headers[.accept], accept.lowercased().contains("text/event-stream") else {
            throw SandboxAPIError.invalidRequest("Send Accept: text/event-stream to open the live event stream.")
        }
        let updates = await state.subscribeToUpdates(userID: grant.userID)
        let ready: JSONValue = ["connectedAt": .string(await state.now.formatted(.iso8601WithMilliseconds))]
        let body = ResponseBody { writer in
            try await writer.write(Self.event("ready", ready))
            for await message in updates {
                switch message {
                case .update(let update):
                    try await writer.write(Self.event("playback-update", update))
                case .keepAlive:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: body
        )
    }

    private static func event(_ name: String, _ data: JSONValue) -> ByteBuffer {
        ByteBuffer(string: "event: \(name)\ndata: \(String(decoding: data.encoded, as: UTF8.self))\n\n")
    }
}
