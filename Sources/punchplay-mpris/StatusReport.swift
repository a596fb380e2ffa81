import Agent
import Foundation
import PunchPlay

/// What `status` shows, as one value: printed as text or encoded as JSON.
struct StatusReport: Encodable {
    /// The login state, as `status --json` spells it.
    enum State: String, Encodable {
        case loggedIn = "logged_in"
        case loggedOut = "logged_out"
        case loginRequired = "login_required"
    }

    /// The token pair's lifetimes; never the tokens.
    struct TokenInfo: Encodable {
        var accessTokenExpiresAt: Date
        var accessTokenValid: Bool
        var refreshTokenExpiresAt: Date?
        var scopes: [String]

        enum CodingKeys: String, CodingKey {
            case accessTokenExpiresAt = "access_token_expires_at"
            case accessTokenValid = "access_token_valid"
            case refreshTokenExpiresAt = "refresh_token_expires_at"
            case scopes
        }
    }

    var state: State
    var reason: String?
    var store: String
    var clientID: ClientIDStatus
    var account: Account?
    var token: TokenInfo?
    var nowPlaying: NowPlaying?
    /// What the running agent sees; nil when no agent runs.
    var agent: AgentStatus?
    var errors: [String] = []

    enum CodingKeys: String, CodingKey {
        case state, reason, store, account, token, errors, agent
        case clientID = "client_id"
        case nowPlaying = "now_playing"
    }

    /// Encodes absent parts as `null` so scripts can rely on every key being there.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(reason, forKey: .reason)
        try container.encode(store, forKey: .store)
        try container.encode(clientID, forKey: .clientID)
        try container.encode(account, forKey: .account)
        try container.encode(token, forKey: .token)
        try container.encode(nowPlaying, forKey: .nowPlaying)
        try container.encode(agent, forKey: .agent)
        try container.encode(errors, forKey: .errors)
    }

    /// Asks the client for everything; a failing part is recorded in `errors`, the rest is still shown.
    static func gather(from client: PunchPlayClient, storeName: String, clientID: ClientIDStatus) async
        -> StatusReport
    {
        var report = StatusReport(state: .loggedOut, store: storeName, clientID: clientID)
        do {
            guard try await client.tokens.currentCredentials() != nil else {
                report.apply(await client.tokens.currentState())
                return report
            }
        } catch {
            report.state = .loginRequired
            report.reason = error.message
            return report
        }
        do {
            report.account = try await client.me()
        } catch {
            report.errors.append("account: \(error)")
        }
        report.apply(await client.tokens.currentState())
        if let credentials = try? await client.tokens.currentCredentials() {
            report.token = TokenInfo(
                accessTokenExpiresAt: credentials.accessTokenExpiresAt,
                accessTokenValid: credentials.accessTokenExpiresAt > Date(),
                refreshTokenExpiresAt: credentials.refreshTokenExpiresAt,
                scopes: credentials.scopes
            )
        }
        if report.state == .loggedIn {
            await report.refreshNowPlaying(from: client)
        }
        return report
    }

    /// Re-fetches the service's now-playing (after a live event).
    mutating func refreshNowPlaying(from client: PunchPlayClient) async {
        errors.removeAll { $0.hasPrefix("now playing:") }
        do {
            nowPlaying = try await client.nowPlaying()
        } catch {
            nowPlaying = nil
            errors.append("now playing: \(error)")
        }
    }

    /// Asks the running agent (if any) what it sees now.
    mutating func refreshAgent(from agent: AgentBusClient?) async {
        errors.removeAll { $0.hasPrefix("agent:") }
        guard let agent else { return }
        do {
            self.agent = try await agent.status()
        } catch {
            self.agent = nil
            errors.append("agent: \(error)")
        }
    }

    private mutating func apply(_ authState: AuthState) {
        switch authState {
        case .loggedIn:
            state = .loggedIn
        case .loggedOut:
            state = .loggedOut
        case .loginRequired(let why):
            state = .loginRequired
            reason = why
        }
    }

    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        switch state {
        case .loggedOut:
            lines.append("Not logged in. Run `punchplay-mpris login`.")
        case .loginRequired:
            lines.append("Login required: \(reason ?? "the saved login no longer works.")")
        case .loggedIn:
            if let account {
                let name = account.name.map { " (\($0))" } ?? ""
                lines.append("Account:       \(account.username)\(name)")
                lines.append("Scopes:        \(account.scopes.joined(separator: " "))")
                if !account.missingScopes.isEmpty {
                    let missing = account.missingScopes.map(\.rawValue).joined(separator: ", ")
                    lines.append("Missing:       \(missing) — run `punchplay-mpris login` again")
                }
            }
        }
        if let token {
            let seconds = Int(token.accessTokenExpiresAt.timeIntervalSinceNow)
            let remaining = seconds >= 120 ? "\(seconds / 60) min" : "\(seconds) s"
            let access = token.accessTokenValid ? "valid for \(remaining)" : "expired (refreshes on next use)"
            lines.append("Access token:  \(access)")
            if let refreshExpiry = token.refreshTokenExpiresAt {
                lines.append("Refresh token: valid until \(refreshExpiry.formatted(.iso8601))")
            }
        }
        lines.append("Credentials:   \(store)")
        lines.append("Client id:     \(clientID.summary)")
        if state == .loggedIn {
            lines.append("Now playing:   \(nowPlaying.map(Self.describe) ?? "nothing")")
        }
        lines += agent.map(AgentStatusText.lines(for:)) ?? ["Agent:         not running"]
        lines += errors.map { "Error:         \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ item: NowPlaying) -> String {
        var text = item.title ?? "untitled \(item.type ?? "item")"
        if let percent = item.progressPercent { text += " — \(Int(percent.rounded())) %" }
        if let state = item.playbackState { text += " (\(state))" }
        return text
    }
}
