import Foundation
import Hummingbird

/// Device-code login, refresh and revocation (§2, §3): JSON endpoints under `/auth` and `/oauth/revoke`.
struct AuthRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        let api = SandboxAPI.prefix
        router.post("\(api)/auth/device/code") { request, context in
            try await deviceCode(request, context)
        }
        router.post("\(api)/auth/device/token") { request, context in
            try await deviceToken(request, context)
        }
        router.post("\(api)/auth/refresh") { request, context in
            try await refresh(request, context)
        }
        router.post("\(api)/oauth/revoke") { request, context in
            try await revoke(request, context)
        }
    }

    private func deviceCode(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        try await state.admit(.deviceCode, caller: context.clientAddress)
        let body = try request.jsonBody(context, allowedFields: ["client_id", "scope", "client_secret"])
        let app = try await state.authenticateClient(
            clientID: body.requiredString("client_id"),
            secret: body.string("client_secret")
        )
        let scopes = try await state.grantedScopes(for: app, requested: body.string("scope"))
        let code = await state.createDeviceCode(app: app, scopes: scopes)
        let verification = request.origin + "/activate"
        let complete = verification + "?code=" + code.userCode
        let lifetime = await state.configuration.deviceCodeLifetime
        return .json([
            "device_code": .string(code.deviceCode),
            "user_code": .string(code.userCode),
            "verification_uri": .string(verification),
            "verification_uri_complete": .string(complete),
            "verification_uri_qr": .string(PNGDataURI.pattern(for: complete)),
            "expires_in": .integer(Int64(lifetime.rounded(.up))),
            "scope": StrictObject.scopeString(scopes),
        ])
    }

    private func deviceToken(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        try await state.admit(.deviceToken, caller: context.clientAddress)
        let body = try request.jsonBody(
            context,
            allowedFields: ["client_id", "device_code", "client_secret", "device_id", "device_name"]
        )
        let app = try await state.authenticateClient(
            clientID: body.requiredString("client_id"),
            secret: body.string("client_secret")
        )
        let tokens = try await state.pollDeviceCode(
            body.requiredString("device_code"),
            app: app,
            deviceID: body.string("device_id"),
            deviceName: body.string("device_name")
        )
        var response = Self.tokenResponse(tokens, includeRefreshToken: true)
        response["username"] = .string(await state.configuration.user.username)
        return .json(.object(response))
    }

    private func refresh(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        try await state.admit(.refresh, caller: context.clientAddress)
        let body = try request.jsonBody(context, allowedFields: ["client_id", "refresh_token", "client_secret"])
        let app = try await state.authenticateClient(
            clientID: body.requiredString("client_id"),
            secret: body.string("client_secret")
        )
        let (tokens, rotated) = try await state.refresh(body.requiredString("refresh_token"), app: app)
        return .json(.object(Self.tokenResponse(tokens, includeRefreshToken: rotated)))
    }

    private func revoke(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let body = try request.jsonBody(
            context,
            allowedFields: ["client_id", "token", "token_type_hint", "client_secret"]
        )
        let app = try await state.authenticateClient(
            clientID: body.requiredString("client_id"),
            secret: body.string("client_secret")
        )
        if let hint = try body.string("token_type_hint"), hint != "access_token", hint != "refresh_token" {
            throw SandboxAPIError.invalidRequest("token_type_hint must be access_token or refresh_token.")
        }
        await state.revoke(try body.requiredString("token"), app: app)
        return .json(["ok": true])
    }

    /// The token body shared by device token, refresh and `/oauth/token`.
    static func tokenResponse(_ tokens: IssuedTokens, includeRefreshToken: Bool) -> [String: JSONValue] {
        var response: [String: JSONValue] = [
            "access_token": .string(tokens.accessToken),
            "token_type": "bearer",
            "expires_in": .integer(Int64(tokens.expiresIn)),
            "scope": StrictObject.scopeString(tokens.scopes),
        ]
        if includeRefreshToken {
            response["refresh_token"] = .string(tokens.refreshToken)
            response["refresh_expires_in"] = .integer(Int64(tokens.refreshExpiresIn))
        }
        return response
    }
}
