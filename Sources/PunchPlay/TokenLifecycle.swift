import Foundation
import Logging
import PlaybackModel

/// Hands out a valid access token and keeps it valid: refreshes proactively when less than five minutes
/// remain and once reactively after a 401, with one refresh in flight in this process (concurrent callers share
/// it) and, through the `LoginLock`, in every process sharing the login. Under the lock it re-reads the store
/// first, so a pair another process refreshed or logged in is used instead of refreshed again, and it persists
/// a rotated pair *before* anyone uses it (§3).
///
/// Only `invalid_grant`/`invalid_client` (with nothing newer in the store) move it to `.loginRequired`; every
/// other refresh failure is transient for the caller and starts a cool-down (`RefreshPolicy`), during which
/// callers fail fast with the remaining time as `retryAfter`.
public actor TokenLifecycle {
    /// How long before expiry a token is refreshed.
    public static let refreshMargin: TimeInterval = 5 * 60

    /// Calls `/auth/refresh` with a refresh token.
    typealias Refresh = @Sendable (Secret) async throws(PunchPlayError) -> TokenGrant

    private enum RefreshOutcome: Sendable {
        /// The pair to use from now on: refreshed and saved here, or found in the store.
        case usable(StoredCredentials)
        /// The server rotated the pair but saving it failed: hold it back and retry the save before use.
        case unsaved(StoredCredentials, PunchPlayError)
        /// The service refused `refused`'s refresh token and the store holds nothing newer.
        case loginLost(PunchPlayError, refused: StoredCredentials)
        /// The store is empty: someone logged out.
        case loggedOut
        case failed(PunchPlayError)
    }

    private let store: any CredentialStore
    private let lock: any LoginLock
    private let refresh: Refresh
    let now: @Sendable () -> Date
    private let logger: Logger

    private var loaded = false
    private var credentials: StoredCredentials?
    private var unsavedCredentials: StoredCredentials?
    /// The pair the service refused, so a reload that finds it again does not lift `.loginRequired`.
    private var refusedCredentials: StoredCredentials?
    private var refreshTask: Task<RefreshOutcome, Never>?
    private var throttle: RefreshThrottle
    private var state: AuthState = .loggedOut
    private var observers: [UUID: AsyncStream<AuthState>.Continuation] = [:]

    init(
        store: any CredentialStore,
        lock: any LoginLock,
        policy: RefreshPolicy,
        now: @escaping @Sendable () -> Date,
        logger: Logger,
        refresh: @escaping Refresh
    ) {
        self.store = store
        self.lock = lock
        self.throttle = RefreshThrottle(policy: policy)
        self.now = now
        self.logger = logger
        self.refresh = refresh
    }

    /// The current state, after loading the stored credentials if that has not happened yet.
    public func currentState() async -> AuthState {
        _ = try? await loadedCredentials()
        return state
    }

    /// The current credentials (for `status`), loading them if needed.
    public func currentCredentials() async throws(PunchPlayError) -> StoredCredentials? {
        try await loadedCredentials()
    }

    /// Every state change from now on, starting with the current state.
    public func stateUpdates() -> AsyncStream<AuthState> {
        let (stream, continuation) = AsyncStream.makeStream(of: AuthState.self)
        let id = UUID()
        observers[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeObserver(id) }
        }
        return stream
    }

    /// A valid access token, refreshed first when it expires within `refreshMargin` (half its lifetime for
    /// short-lived tokens).
    /// - Throws: `.loginRequired` when there are no usable credentials; a transient error when the token
    ///   has expired and the refresh failed (or is cooling down) for a reason that says nothing about the token.
    public func accessToken() async throws(PunchPlayError) -> Secret {
        guard let current = try await loadedCredentials() else { throw loginRequiredError() }
        let currentTime = now()
        guard current.needsRefresh(at: currentTime, margin: Self.refreshMargin) else { return current.accessToken }
        let remaining = current.accessTokenExpiresAt.timeIntervalSince(currentTime)
        do {
            return try await refreshed(rejecting: nil).accessToken
        } catch  where error.retryClass == .transient && remaining > 0 {
            logger.notice(
                "Proactive token refresh failed; using the current token until it expires",
                metadata: ["request_id": "\(error.requestID ?? "none")", "error": "\(error.code ?? "-")"]
            )
            return current.accessToken
        }
    }

    /// The token to retry with after `rejected` got a 401: the newer token if `rejected` was already
    /// replaced (here or, as the store shows, by another process), otherwise the result of one refresh (shared
    /// with any refresh already in flight).
    public func accessToken(replacing rejected: Secret) async throws(PunchPlayError) -> Secret {
        guard let current = try await loadedCredentials() else { throw loginRequiredError() }
        if current.accessToken != rejected { return current.accessToken }
        return try await refreshed(rejecting: rejected).accessToken
    }

    /// Saves freshly obtained credentials (after a login) and uses them from now on.
    public func adopt(_ newCredentials: StoredCredentials) async throws(PunchPlayError) {
        try await persist(newCredentials)
        use(newCredentials)
    }

    /// Re-reads the store because another process changed it (a `login` or `logout` command says so): a new
    /// pair is used from now on and lifts `.loginRequired`; an empty store means logged out; the pair the
    /// service refused keeps `.loginRequired`.
    public func reloadFromStore() async throws(PunchPlayError) {
        if let refreshTask { _ = await refreshTask.value }
        let stored = try await loadStore().get()
        loaded = true
        guard let stored else {
            credentials = nil
            unsavedCredentials = nil
            setState(.loggedOut)
            return
        }
        if let refusedCredentials, stored.hasSamePair(as: refusedCredentials) { return }
        if let credentials, stored.hasSamePair(as: credentials) { return }
        logger.info("Using the login found in the credential store")
        use(stored)
    }

    /// Forgets the credentials here and in the store (logout).
    public func forget() async throws(PunchPlayError) {
        if let refreshTask { _ = await refreshTask.value }
        refreshTask = nil
        loaded = true
        credentials = nil
        unsavedCredentials = nil
        refusedCredentials = nil
        setState(.loggedOut)
        try await lock.withLock { [store] in await Self.delete(from: store) }.get()
    }

    /// Saves the pair of a device login and uses it, unless it lacks `missingScopes` while another login is
    /// stored: then the stored login stays and the new one is dropped.
    func adoptLogin(
        _ newCredentials: StoredCredentials,
        missingScopes: [PunchPlayScope]
    ) async throws(DeviceLoginError) {
        let saved: Result<Void, DeviceLoginError>
        do {
            saved = try await lock.withLock { () async -> Result<Void, DeviceLoginError> in
                await self.saveLogin(newCredentials, missingScopes: missingScopes)
            }
        } catch {
            throw .service(error)
        }
        try saved.get()
        use(newCredentials)
    }

    /// Marks the login as unusable: a refresh produced a token that is still refused.
    func markLoginRequired(_ reason: String) {
        refusedCredentials = credentials ?? refusedCredentials
        credentials = nil
        setState(.loginRequired(reason: reason))
    }

    private func saveLogin(
        _ newCredentials: StoredCredentials,
        missingScopes: [PunchPlayScope]
    ) async -> Result<Void, DeviceLoginError> {
        if !missingScopes.isEmpty {
            switch await loadStore() {
            case .success(nil): break
            case .success: return .failure(.replacementLacksScopes(missingScopes))
            case .failure(let error): return .failure(.service(error))
            }
        }
        return await Self.save(newCredentials, to: store).mapError { .service($0) }
    }

    private func use(_ newCredentials: StoredCredentials) {
        loaded = true
        credentials = newCredentials
        unsavedCredentials = nil
        refusedCredentials = nil
        throttle.forgetFailures()
        setState(.loggedIn)
    }

    private func loadedCredentials() async throws(PunchPlayError) -> StoredCredentials? {
        if let pending = unsavedCredentials {
            try await persist(pending)
            if unsavedCredentials == pending {
                credentials = pending
                unsavedCredentials = nil
            }
        }
        if loaded { return credentials }
        let stored = try await loadStore().get()
        if !loaded {
            loaded = true
            credentials = stored
            setState(stored == nil ? .loggedOut : .loggedIn)
        }
        return credentials
    }

    /// Runs one refresh, or joins the one in flight.
    /// - Parameter rejected: the access token a 401 refused, for a reactive refresh.
    private func refreshed(rejecting rejected: Secret?) async throws(PunchPlayError) -> StoredCredentials {
        if let refreshTask {
            return try await adoptOutcome(of: refreshTask)
        }
        guard let current = credentials else { throw loginRequiredError() }
        let task = Task { await self.refreshHoldingLock(from: current, rejecting: rejected) }
        refreshTask = task
        return try await adoptOutcome(of: task)
    }

    private func adoptOutcome(of task: Task<RefreshOutcome, Never>) async throws(PunchPlayError) -> StoredCredentials {
        let outcome = await task.value
        if refreshTask == task {
            refreshTask = nil
            switch outcome {
            case .usable(let fresh):
                credentials = fresh
                setState(.loggedIn)
            case .unsaved(let fresh, _):
                unsavedCredentials = fresh
            case .loginLost(let error, let refused):
                refusedCredentials = refused
                credentials = nil
                setState(.loginRequired(reason: error.message))
            case .loggedOut:
                credentials = nil
                setState(.loggedOut)
            case .failed:
                break
            }
        }
        switch outcome {
        case .usable(let fresh): return fresh
        case .unsaved(_, let error), .failed(let error), .loginLost(let error, _): throw error
        case .loggedOut: throw loginRequiredError()
        }
    }

    private func refreshHoldingLock(from current: StoredCredentials, rejecting rejected: Secret?) async
        -> RefreshOutcome
    {
        do {
            return try await lock.withLock { await self.refreshUnderLock(from: current, rejecting: rejected) }
        } catch {
            return .failed(error)
        }
    }

    /// Re-reads the store, then refreshes whichever pair is newest unless the store already holds a usable one,
    /// and saves the result; runs while this process holds the login lock.
    private func refreshUnderLock(from current: StoredCredentials, rejecting rejected: Secret?) async
        -> RefreshOutcome
    {
        let base: StoredCredentials
        switch await loadStore() {
        case .failure(let error):
            return .failed(error)
        case .success(nil):
            return .loggedOut
        case .success(let stored?) where stored.hasSamePair(as: current):
            base = current
        case .success(let stored?):
            let replacesRejected = rejected.map { stored.accessToken != $0 } ?? true
            if replacesRejected && !stored.needsRefresh(at: now(), margin: Self.refreshMargin) {
                logger.info("Using the login another process refreshed or replaced")
                return .usable(stored)
            }
            base = stored
        }
        if let wait = throttle.remainingWait(at: now()) {
            return .failed(Self.coolingDown(for: wait))
        }
        logger.debug("Refreshing the access token")
        let grant: TokenGrant
        do {
            grant = try await refresh(base.refreshToken)
        } catch {
            logger.warning(
                "Token refresh failed",
                metadata: [
                    "status": "\(error.status.map(String.init) ?? "none")", "error": "\(error.code ?? "-")",
                    "request_id": "\(error.requestID ?? "none")",
                ]
            )
            if error.code == "invalid_grant" || error.code == "invalid_client" {
                return await loginLostUnlessReplaced(base, refusal: error)
            }
            return .failed(transientFailure(error))
        }
        let fresh: StoredCredentials
        do {
            fresh = try StoredCredentials(grant: grant, receivedAt: now(), previous: base)
        } catch {
            return .failed(transientFailure(error))
        }
        throttle.recordSuccess()
        if case .failure(let failure) = await Self.save(fresh, to: store) {
            logger.error("Could not save the refreshed credentials", metadata: ["reason": "\(failure.message)"])
            return .unsaved(fresh, failure)
        }
        logger.info("Access token refreshed", metadata: ["rotated": "\(grant.refreshToken != nil)"])
        return .usable(fresh)
    }

    /// After `invalid_grant`/`invalid_client`: the store is read once more, and a pair another process saved
    /// meanwhile wins; otherwise the login is lost.
    private func loginLostUnlessReplaced(_ refused: StoredCredentials, refusal: PunchPlayError) async
        -> RefreshOutcome
    {
        if case .success(let stored?) = await loadStore(), !stored.hasSamePair(as: refused) {
            logger.info("The refused login was already replaced in the credential store; using the new one")
            return .usable(stored)
        }
        return .loginLost(
            .loginRequired("PunchPlay refused the saved login (\(refusal.code ?? "-"))."), refused: refused)
    }

    /// A refresh failure as the caller sees it: transient whatever the service answered, with the cool-down it
    /// started as `retryAfter`.
    private func transientFailure(_ error: PunchPlayError) -> PunchPlayError {
        throttle.recordFailure(at: now(), retryAfter: error.retryAfter)
        var failure = error
        failure.retryClass = .transient
        failure.retryAfter = throttle.remainingWait(at: now()).map(Self.duration)
        return failure
    }

    private static func coolingDown(for wait: TimeInterval) -> PunchPlayError {
        PunchPlayError(
            status: nil,
            code: "refresh_cooldown",
            message: "Refreshing the login failed recently; the next attempt is in \(Int(wait.rounded(.up))) s.",
            retryClass: .transient,
            retryAfter: duration(wait)
        )
    }

    private static func duration(_ seconds: TimeInterval) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    private static func save(_ newCredentials: StoredCredentials, to store: any CredentialStore) async
        -> Result<Void, PunchPlayError>
    {
        do {
            try await store.save(newCredentials)
            return .success(())
        } catch {
            return .failure(
                PunchPlayError(
                    status: nil,
                    code: "credential_store",
                    message: "Could not save the login: \(error.description)",
                    retryClass: .transient
                )
            )
        }
    }

    private static func delete(from store: any CredentialStore) async -> Result<Void, PunchPlayError> {
        do {
            try await store.delete()
            return .success(())
        } catch {
            return .failure(PunchPlayError(status: nil, message: error.description, retryClass: .permanent))
        }
    }

    /// Saves a pair while holding the login lock, so it cannot interleave with another process's refresh.
    private func persist(_ newCredentials: StoredCredentials) async throws(PunchPlayError) {
        let saved = try await lock.withLock { [store] in await Self.save(newCredentials, to: store) }
        try saved.get()
    }

    private func loadStore() async -> Result<StoredCredentials?, PunchPlayError> {
        do {
            return .success(try await store.load())
        } catch {
            return .failure(
                PunchPlayError(
                    status: nil,
                    code: "credential_store",
                    message: error.description,
                    retryClass: .loginRequired
                )
            )
        }
    }

    private func loginRequiredError() -> PunchPlayError {
        if case .loginRequired(let reason) = state { return .loginRequired(reason) }
        return .loginRequired("Not logged in to PunchPlay.")
    }

    private func setState(_ newState: AuthState) {
        guard newState != state else { return }
        state = newState
        for observer in observers.values { observer.yield(newState) }
    }

    private func removeObserver(_ id: UUID) {
        observers[id] = nil
    }
}
