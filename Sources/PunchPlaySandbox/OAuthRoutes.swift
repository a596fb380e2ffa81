import Foundation
import Hummingbird

/// The browser flow and `/oauth/token` (§2/§3): `GET /oauth/authorize` approves at once as the sandbox user and
/// redirects with a code; `POST /oauth/token` (form-encoded) takes the authorization-code (PKCE S256) and refresh
/// grants.
struct OAuthRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        router.get("\(SandboxAPI.prefix)/oauth/authorize") { request, _ in
            try await authorize(request)
        }
        router.post("\(SandboxAPI.prefix)/oauth/token") { request, context in
            try await token(request, context)
        }
    }

    private func authorize(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        func parameter(_ name: String) throws(SandboxAPIError) -> String {
            guard let value = query[Substring(name)], !value.isEmpty else {
                throw .invalidRequest("Missing query parameter \(name).")
            }
            return String(value)
        }
        guard try parameter("response_type") == "code" else {
            throw SandboxAPIError.invalidRequest("response_type must be code.")
        }
        guard let app = await state.configuration.app(clientID: try parameter("client_id")) else {
            throw SandboxAPIError.invalidClient("Unknown client_id.")
        }
        let redirectURI = try parameter("redirect_uri")
        guard app.redirectURIs.contains(redirectURI) else {
            throw SandboxAPIError.invalidRequest("redirect_uri is not registered for this app.")
        }
        guard try parameter("code_challenge_method") == "S256" else {
            throw SandboxAPIError.invalidRequest("code_challenge_method must be S256.")
        }
        let challenge = try parameter("code_challenge")
        let scopes = try await state.grantedScopes(for: app, requested: query["scope"].map(String.init))
        let code = await state.createAuthorizationCode(
            app: app,
            redirectURI: redirectURI,
            codeChallenge: challenge,
            scopes: scopes
        )
        var location = URLComponents(string: redirectURI) ?? URLComponents()
        location.queryItems = (location.queryItems ?? []) + [URLQueryItem(name: "code", value: code)]
        if let state = query["state"] {
            location.queryItems?.append(URLQueryItem(name: "state", value: String(state)))
        }
        return Response(status: .found, headers: [.location: location.string ?? redirectURI])
    }

    private func token(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        try await state.admit(.oauthToken, caller: context.clientAddress)
        let form = try request.formBody(
            context,
            allowedFields: [
                "grant_type", "client_id", "client_secret", "refresh_token", "code", "redirect_uri", "code_verifier",
                "scope",
            ]
        )
        let app = try await state.authenticateClient(
            clientID: try Self.required("client_id", form),
            secret: form["client_secret"]
        )
        switch form["grant_type"] {
        case "refresh_token":
            try await state.admit(.refresh, caller: context.clientAddress)
            let (tokens, rotated) = try await state.refresh(try Self.required("refresh_token", form), app: app)
            return .json(.object(AuthRoutes.tokenResponse(tokens, includeRefreshToken: rotated)))
        case "authorization_code":
            let tokens = try await state.redeemAuthorizationCode(
                try Self.required("code", form),
                app: app,
                redirectURI: try Self.required("redirect_uri", form),
                verifier: try Self.required("code_verifier", form)
            )
            var response = AuthRoutes.tokenResponse(tokens, includeRefreshToken: true)
            response["username"] = .string(await state.configuration.user.username)
            return .json(.object(response))
        case nil:
            throw SandboxAPIError.invalidRequest("Missing required field grant_type.")
        case let grantType?:
            throw SandboxAPIError.unsupportedGrantType(grantType)
        }
    }

    private static func required(_ name: String, _ form: [String: String]) throws(SandboxAPIError) -> String {
        guard let value = form[name], !value.isEmpty else {
            throw .invalidRequest("Missing required field \(name).")
        }
        return value
    }
}
