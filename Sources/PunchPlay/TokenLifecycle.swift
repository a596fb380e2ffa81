import Foundation
import Logging
import PlaybackModel

/// Hands out a valid access token and keeps it valid: refreshes proactively when less than five minutes
/// remain and once reactively after a 401, with exactly one refresh in flight ever (concurrent callers share
/// it), and persists a rotated pair *before* anyone uses it (§3). A refused refresh token moves it to
/// `.loginRequired`; network errors, 5xx and 429 never do.
public actor TokenLifecycle {
    /// How long before expiry a token is refreshed.
    public static let refreshMargin: TimeInterval = 5 * 60

    /// Calls `/auth/refresh` with a refresh token.
    typealias Refresh = @Sendable (Secret) async throws(PunchPlayError) -> TokenGrant

    private enum RefreshOutcome: Sendable {
        case refreshed(StoredCredentials)
        /// The server rotated the pair but saving it failed: hold it back and retry the save before use.
        case unsaved(StoredCredentials, PunchPlayError)
        case failed(PunchPlayError)
    }

    private let store: any CredentialStore
    private let refresh: Refresh
    let now: @Sendable () -> Date
    private let logger: Logger

    private var loaded = false
    private var credentials: StoredCredentials?
    private var unsavedCredentials: StoredCredentials?
    private var refreshTask: Task<RefreshOutcome, Never>?
    private var state: AuthState = .loggedOut
    private var observers: [UUID: AsyncStream<AuthState>.Continuation] = [:]

    init(store: any CredentialStore, now: @escaping @Sendable () -> Date, logger: Logger, refresh: @escaping Refresh) {
        self.store = store
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
    ///   has expired and the refresh failed for a reason that says nothing about the token.
    public func accessToken() async throws(PunchPlayError) -> Secret {
        guard let current = try await loadedCredentials() else { throw loginRequiredError() }
        let currentTime = now()
        guard current.needsRefresh(at: currentTime, margin: Self.refreshMargin) else { return current.accessToken }
        let remaining = current.accessTokenExpiresAt.timeIntervalSince(currentTime)
        do {
            return try await refreshed().accessToken
        } catch  where error.retryClass == .transient && remaining > 0 {
            logger.notice(
                "Proactive token refresh failed; using the current token until it expires",
                metadata: ["request_id": "\(error.requestID ?? "none")", "error": "\(error.code ?? "-")"]
            )
            return current.accessToken
        }
    }

    /// The token to retry with after `rejected` got a 401: the newer token if `rejected` was already
    /// replaced, otherwise the result of one refresh (shared with any refresh already in flight).
    public func accessToken(replacing rejected: Secret) async throws(PunchPlayError) -> Secret {
        guard let current = try await loadedCredentials() else { throw loginRequiredError() }
        if current.accessToken != rejected { return current.accessToken }
        return try await refreshed().accessToken
    }

    /// Saves freshly obtained credentials (after a login) and uses them from now on.
    public func adopt(_ newCredentials: StoredCredentials) async throws(PunchPlayError) {
        try await persist(newCredentials)
        loaded = true
        credentials = newCredentials
        unsavedCredentials = nil
        setState(.loggedIn)
    }

    /// Forgets the credentials here and in the store (logout).
    public func forget() async throws(PunchPlayError) {
        if let refreshTask { _ = await refreshTask.value }
        refreshTask = nil
        loaded = true
        credentials = nil
        unsavedCredentials = nil
        setState(.loggedOut)
        do {
            try await store.delete()
        } catch {
            throw PunchPlayError(status: nil, message: error.description, retryClass: .permanent)
        }
    }

    /// Marks the login as unusable: a refresh produced a token that is still refused.
    func markLoginRequired(_ reason: String) {
        credentials = nil
        setState(.loginRequired(reason: reason))
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
        let stored: StoredCredentials?
        do {
            stored = try await store.load()
        } catch {
            throw PunchPlayError(
                status: nil,
                code: "credential_store",
                message: error.description,
                retryClass: .loginRequired
            )
        }
        if !loaded {
            loaded = true
            credentials = stored
            setState(stored == nil ? .loggedOut : .loggedIn)
        }
        return credentials
    }

    /// Runs one refresh, or joins the one in flight.
    private func refreshed() async throws(PunchPlayError) -> StoredCredentials {
        if let refreshTask {
            return try await adoptOutcome(of: refreshTask)
        }
        guard let current = credentials else { throw loginRequiredError() }
        let task = Task { [refresh, store, now, logger] in
            await Self.performRefresh(of: current, refresh: refresh, store: store, now: now, logger: logger)
        }
        refreshTask = task
        return try await adoptOutcome(of: task)
    }

    private func adoptOutcome(of task: Task<RefreshOutcome, Never>) async throws(PunchPlayError) -> StoredCredentials {
        let outcome = await task.value
        if refreshTask == task {
            refreshTask = nil
            switch outcome {
            case .refreshed(let fresh):
                credentials = fresh
                setState(.loggedIn)
            case .unsaved(let fresh, _):
                unsavedCredentials = fresh
            case .failed(let error) where error.retryClass == .loginRequired:
                credentials = nil
                setState(.loginRequired(reason: error.message))
            case .failed:
                break
            }
        }
        switch outcome {
        case .refreshed(let fresh): return fresh
        case .unsaved(_, let error), .failed(let error): throw error
        }
    }

    private static func performRefresh(
        of current: StoredCredentials,
        refresh: Refresh,
        store: any CredentialStore,
        now: @Sendable () -> Date,
        logger: Logger
    ) async -> RefreshOutcome {
        logger.debug("Refreshing the access token")
        let grant: TokenGrant
        do {
            grant = try await refresh(current.refreshToken)
        } catch {
            logger.warning(
                "Token refresh failed",
                metadata: [
                    "status": "\(error.status.map(String.init) ?? "none")", "error": "\(error.code ?? "-")",
                    "request_id": "\(error.requestID ?? "none")", "retry_class": "\(error.retryClass)",
                ]
            )
            if error.retryClass == .loginRequired {
                return .failed(.loginRequired("PunchPlay refused the saved login (\(error.code ?? "401"))."))
            }
            return .failed(error)
        }
        let fresh: StoredCredentials
        do {
            fresh = try StoredCredentials(grant: grant, receivedAt: now(), previous: current)
        } catch {
            return .failed(error)
        }
        do {
            try await store.save(fresh)
        } catch {
            logger.error("Could not save the refreshed credentials", metadata: ["reason": "\(error.description)"])
            let failure = PunchPlayError(
                status: nil,
                code: "credential_store",
                message: "Could not save the refreshed login: \(error.description)",
                retryClass: .transient
            )
            return .unsaved(fresh, failure)
        }
        logger.info("Access token refreshed", metadata: ["rotated": "\(grant.refreshToken != nil)"])
        return .refreshed(fresh)
    }

    private func persist(_ newCredentials: StoredCredentials) async throws(PunchPlayError) {
        do {
            try await store.save(newCredentials)
        } catch {
            throw PunchPlayError(
                status: nil,
                code: "credential_store",
                message: "Could not save the login: \(error.description)",
                retryClass: .transient
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
