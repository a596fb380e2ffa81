import PlaybackModel

extension PunchPlayClient {
    /// The polling interval when the service names none (§2 decision).
    public static let defaultPollInterval: Duration = .seconds(5)

    /// `POST /auth/device/code` for the four scopes. Call it once per login attempt: the service allows ten
    /// codes per hour, so never in a loop.
    public func requestDeviceAuthorization() async throws(PunchPlayError) -> DeviceAuthorization {
        let body = AuthRequests.DeviceCode(
            clientID: settings.clientID,
            scope: PunchPlayScope.requestedParameter,
            clientSecret: settings.clientSecret
        )
        return try await transport.send(.POST, "/auth/device/code", body: .json(encoding: body))
            .decode(DeviceAuthorization.self)
    }

    /// Polls `POST /auth/device/token` until the user approves or declines, under one absolute deadline of
    /// the code's lifetime; `slow_down` adds 5 s to the interval and a 429 waits `Retry-After`. Then saves the
    /// login (keeping a stored one when the new one lacks needed scopes) and checks with `/me` that every needed scope
    /// was granted.
    /// - Parameter clock: the clock the polling sleeps and the deadline are measured on.
    /// - Returns: the account now logged in.
    public func completeDeviceLogin<C: Clock<Duration>>(
        _ authorization: DeviceAuthorization,
        clock: C = ContinuousClock()
    ) async throws(DeviceLoginError) -> Account {
        let deadline = clock.now.advanced(by: authorization.expiresIn)
        var interval = authorization.interval ?? Self.defaultPollInterval
        var wait = interval
        let body = AuthRequests.DeviceToken(
            clientID: settings.clientID,
            deviceCode: authorization.deviceCode,
            clientSecret: settings.clientSecret,
            deviceID: settings.deviceID,
            deviceName: settings.deviceName
        )
        while true {
            guard clock.now.advanced(by: wait) <= deadline else {
                throw .timedOut(authorization.expiresIn)
            }
            do {
                try await clock.sleep(for: wait)
            } catch {
                throw .service(PunchPlayError(status: nil, message: "Login cancelled.", retryClass: .permanent))
            }
            wait = interval
            let grant: TokenGrant
            do {
                grant = try await transport.send(
                    .POST,
                    "/auth/device/token",
                    body: .json(encoding: body),
                    quietCodes: ["authorization_pending", "slow_down"]
                ).decode(TokenGrant.self)
            } catch {
                switch (error.status, error.code) {
                case (_, "authorization_pending"):
                    continue
                case (_, "slow_down"):
                    interval += .seconds(5)
                    wait = interval
                    logger.info("PunchPlay asked to poll more slowly", metadata: ["interval": "\(interval)"])
                    continue
                case (_, "expired"), (_, "expired_token"):
                    throw .expired
                case (_, "access_denied"):
                    throw .denied
                case (429, _):
                    wait = max(error.retryAfter ?? interval, interval)
                    continue
                case _ where error.retryClass == .transient:
                    logger.notice(
                        "Polling for the login failed; will poll again",
                        metadata: ["request_id": "\(error.requestID ?? "none")"]
                    )
                    continue
                default:
                    throw .service(error)
                }
            }
            return try await finishLogin(with: grant)
        }
    }

    /// Saves the new login, unless its token answer lacks needed scopes while another login is stored (the
    /// stored one is kept then), and checks with `/me` that every needed scope was granted.
    private func finishLogin(with grant: TokenGrant) async throws(DeviceLoginError) -> Account {
        let credentials: StoredCredentials
        do {
            credentials = try StoredCredentials(grant: grant, receivedAt: tokens.now(), previous: nil)
        } catch {
            throw .service(error)
        }
        let granted = Set(credentials.scopes)
        let missing = grant.scope == nil ? [] : PunchPlayScope.allCases.filter { !granted.contains($0.rawValue) }
        try await tokens.adoptLogin(credentials, missingScopes: missing)
        let account: Account
        do {
            account = try await me()
        } catch {
            throw .service(error)
        }
        guard account.missingScopes.isEmpty else {
            throw .missingScopes(account.missingScopes, username: account.username)
        }
        logger.info("Logged in to PunchPlay", metadata: ["username": "\(account.username)"])
        return account
    }
}
