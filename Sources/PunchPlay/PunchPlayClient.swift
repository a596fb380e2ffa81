import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PlaybackModel

/// The agent's only way to PunchPlay: device login, self-refreshing tokens, playback writes, reads and live
/// events over one HTTP client. Call `shutdown()` when done with it.
public final class PunchPlayClient: Sendable {
    public let settings: PunchPlayClient.Configuration
    /// The token lifecycle; observe `tokens.stateUpdates()` to learn when a new login is needed.
    public let tokens: TokenLifecycle
    let transport: APITransport
    let logger: Logger

    /// - Parameters:
    ///   - store: where the token pair is persisted.
    ///   - lock: held around every read-refresh-save of the stored pair and every save, shared with every other
    ///     process using the same store (a file lock in the state directory; tests may use an in-process one).
    ///   - logger: receives fixed messages with metadata; never a token or secret.
    ///   - now: the wall clock token expiry is measured against.
    public init(
        settings: PunchPlayClient.Configuration,
        store: any CredentialStore,
        lock: any LoginLock,
        logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = TimeAmount(min(settings.requestTimeout, .seconds(10)))
        configuration.decompression = .disabled
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let transport = APITransport(http: http, settings: settings, logger: logger)
        self.settings = settings
        self.transport = transport
        self.logger = logger
        self.tokens = TokenLifecycle(
            store: store,
            lock: lock,
            policy: settings.refreshPolicy,
            now: now,
            logger: logger
        ) {
            refreshToken async throws(PunchPlayError) in
            let body = AuthRequests.Refresh(
                clientID: settings.clientID,
                refreshToken: refreshToken,
                clientSecret: settings.clientSecret
            )
            return try await transport.send(.POST, "/auth/refresh", body: .json(encoding: body)).decode(TokenGrant.self)
        }
    }

    /// Closes the connections. The client cannot be used afterwards.
    public func shutdown() async {
        try? await transport.http.shutdown()
    }

    /// Sends an authenticated request: one reactive refresh on a 401 (or the newer token if this one was
    /// already replaced), then `.loginRequired` if the service still refuses.
    func authorized(
        _ method: HTTPMethod,
        _ path: String,
        body: APIRequestBody? = nil
    ) async throws(PunchPlayError) -> APIResponse {
        let token = try await tokens.accessToken()
        do {
            return try await send(method, path, body: body, bearer: token)
        } catch  where error.status == 401 {
            let retryToken = try await tokens.accessToken(replacing: token)
            do {
                return try await send(method, path, body: body, bearer: retryToken)
            } catch  where error.status == 401 {
                await tokens.markLoginRequired("PunchPlay refuses the login even after a token refresh.")
                throw PunchPlayError.loginRequired(
                    "PunchPlay refuses the login even after a token refresh (request id \(error.requestID ?? "none"))."
                )
            }
        }
    }

    /// Sends with `bearer`. A 403 `insufficient_scope` answering the request itself (never a refresh) needs a
    /// new login that grants the scope, so it holds rather than fails for good.
    private func send(
        _ method: HTTPMethod,
        _ path: String,
        body: APIRequestBody?,
        bearer: Secret
    ) async throws(PunchPlayError) -> APIResponse {
        do {
            return try await transport.send(method, path, body: body, bearer: bearer)
        } catch  where error.status == 403 && error.code == "insufficient_scope" {
            throw .missingScope(error)
        }
    }
}
