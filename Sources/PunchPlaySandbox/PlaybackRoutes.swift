import Foundation
import Hummingbird

/// Playback writes (§4), the state reads and `/me` (§3, §5).
struct PlaybackRoutes {
    static let actions: Set<String> = ["start", "pause", "resume", "progress", "stop"]

    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        let api = SandboxAPI.prefix
        router.post("\(api)/playback/:action") { request, context in
            try await write(request, context)
        }
        router.get("\(api)/playback/now-playing") { request, _ in
            let grant = try await authorize(request, scope: SandboxScope.playbackRead)
            return Response.json(await state.nowPlaying(userID: grant.userID))
        }
        router.get("\(api)/playback/in-progress") { request, _ in
            let grant = try await authorize(request, scope: SandboxScope.playbackRead)
            return Response.json(await state.inProgress(userID: grant.userID))
        }
        router.get("\(api)/me") { request, _ in
            try await me(request)
        }
    }

    /// The grant of the request's bearer token, or 401/403 when it is invalid or lacks `scope`.
    func authorize(_ request: Request, scope: String) async throws -> AccessGrant {
        let grant = try await state.authenticate(accessToken: request.bearerToken())
        try grant.require(scope)
        return grant
    }

    private func write(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let action = context.parameters.get("action") ?? ""
        guard Self.actions.contains(action) else {
            throw SandboxAPIError.notFound(
                "Unknown playback action \(action); use start, pause, resume, progress or stop.")
        }
        let grant = try await authorize(request, scope: SandboxScope.playbackWrite)
        try await state.admit(.playbackWrites, caller: grant.tokenID)
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw SandboxAPIError.invalidRequest("Send the body as JSON with Content-Type: application/json.")
        }
        let body = try PlaybackBody(json: context.body)
        let response = try await state.recordPlayback(
            action: action,
            body: body,
            rawBody: String(decoding: context.body, as: UTF8.self),
            grant: grant
        )
        return .json(response)
    }

    private func me(_ request: Request) async throws -> Response {
        let grant = try await authorize(request, scope: SandboxScope.profileRead)
        let configuration = await state.configuration
        let user = configuration.user
        let app = configuration.app(clientID: grant.clientID)
        return .json([
            "id": .string(user.id),
            "username": .string(user.username),
            "name": .string(user.name),
            "email": .string(user.email),
            "client_type": app?.clientSecret == nil ? "public" : "confidential",
            "token_id": .string(grant.tokenID),
            "scopes": .array(grant.scopes.map(JSONValue.string)),
            "developer_app": [
                "id": .optional(app?.id),
                "name": .optional(app?.name),
            ],
        ])
    }
}
