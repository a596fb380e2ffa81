import Foundation
import Hummingbird

/// `POST /oauth/token` (form-encoded, §2/§3): the refresh grant, and the authorization-code grant of the browser
/// flow.
struct OAuthRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        router.post("\(SandboxAPI.prefix)/oauth/token") { request, context in
            try await token(request, context)
        }
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
        guard let clientID = form["client_id"], !clientID.isEmpty else {
            throw SandboxAPIError.invalidRequest("Missing required field client_id.")
        }
        let app = try await state.authenticateClient(clientID: clientID, secret: form["client_secret"])
        switch form["grant_type"] {
        case "refresh_token":
            try await state.admit(.refresh, caller: context.clientAddress)
            guard let refreshToken = form["refresh_token"], !refreshToken.isEmpty else {
                throw SandboxAPIError.invalidRequest("Missing required field refresh_token.")
            }
            let (tokens, rotated) = try await state.refresh(refreshToken, app: app)
            return .json(.object(AuthRoutes.tokenResponse(tokens, includeRefreshToken: rotated)))
        case nil:
            throw SandboxAPIError.invalidRequest("Missing required field grant_type.")
        case let grantType?:
            throw SandboxAPIError.unsupportedGrantType(grantType)
        }
    }
}
