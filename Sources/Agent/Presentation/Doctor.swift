import DBus
import Foundation
import MPRIS
import Outbox
import PunchPlay
import Scrobbling

/// The checks of `punchplay-mpris doctor`, in the order a problem would show: configuration, session bus, the
/// running agent, players in view and how each is treated, credential store, connection and token, outbox. Each check that
/// fails says how to fix it; later checks that depend on it are skipped.
public struct Doctor: Sendable {
    let loader: ConfigurationLoader
    let environment: [String: String]

    public init(loader: ConfigurationLoader, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.loader = loader
        self.environment = environment
    }

    /// Runs every check, handing each result to `report` as soon as it is known; returns them all.
    @discardableResult
    public func run(report: (DoctorCheck) -> Void) async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let record = { (check: DoctorCheck) in
            report(check)
            checks.append(check)
        }
        let configuration = checkConfiguration(report: record)
        await checkBusAndPlayers(
            configuration: configuration ?? .builtIn(hostName: HostName.current()),
            report: record
        )
        if let configuration {
            await checkAccount(configuration: configuration, report: record)
            await checkOutbox(report: record)
        }
        return checks
    }

    private func checkConfiguration(report: (DoctorCheck) -> Void) -> AgentConfiguration? {
        do {
            let configuration = try loader.load()
            let source =
                configuration.sourceFiles.isEmpty
                ? "built-in defaults" : configuration.sourceFiles.joined(separator: ", ")
            report(DoctorCheck("configuration", "valid (\(source))"))
            return configuration
        } catch {
            report(
                DoctorCheck(
                    "configuration",
                    error.description,
                    .failed(
                        fix:
                            "correct the keys named above in \(loader.location.mainFile); `punchplay-mpris config example` shows every key"
                    )
                )
            )
            return nil
        }
    }

    private func checkBusAndPlayers(configuration: AgentConfiguration, report: (DoctorCheck) -> Void) async {
        let connection: DBusConnection
        do {
            connection = try await DBusConnection.session()
            report(DoctorCheck("session bus", "connected"))
        } catch {
            report(
                DoctorCheck(
                    "session bus",
                    "cannot connect (\(error))",
                    .failed(fix: "run inside your desktop session, or set DBUS_SESSION_BUS_ADDRESS")
                )
            )
            return
        }
        await checkAgent(on: connection, report: report)
        await checkPlayers(on: connection, configuration: configuration, report: report)
        await connection.close()
    }

    /// Whether an agent runs in this session, and what it says of itself.
    private func checkAgent(on connection: DBusConnection, report: (DoctorCheck) -> Void) async {
        guard (try? await connection.nameOwner(of: AgentBus.name)) != nil else {
            report(
                DoctorCheck(
                    "agent",
                    "not running in this session",
                    .warning(
                        fix: "start it: `systemctl --user enable --now punchplay-mpris` (or `punchplay-mpris run`)")
                )
            )
            return
        }
        do {
            let status = try await AgentBusClient(connection: connection).status()
            var finding = "running (\(status.version)), \(status.queue.pending) event(s) queued"
            if status.reportingPaused {
                finding += ", reporting paused"
                finding +=
                    status.reportingPausedUntil.map { " until \($0.formatted(date: .omitted, time: .shortened))" } ?? ""
                report(DoctorCheck("agent", finding, .warning(fix: "`punchplay-mpris resume` reports again")))
            } else {
                report(DoctorCheck("agent", finding))
            }
        } catch {
            report(
                DoctorCheck(
                    "agent",
                    "\(AgentBus.name) is owned but does not answer (\(error))",
                    .failed(fix: "restart it: `systemctl --user restart punchplay-mpris`")
                )
            )
        }
    }

    private func checkPlayers(
        on connection: DBusConnection,
        configuration: AgentConfiguration,
        report: (DoctorCheck) -> Void
    ) async {
        let players: [PlayerSnapshot]
        do {
            players = try await PlayerDirectory(connection: connection).players()
        } catch {
            report(DoctorCheck("players", "cannot list them (\(error))", .failed(fix: "check the session bus")))
            return
        }
        if players.isEmpty {
            report(
                DoctorCheck(
                    "players",
                    "no MPRIS player on the session bus",
                    .warning(fix: "start a player; for mpv install mpv-mpris so it appears on the bus")
                )
            )
        }
        for player in players {
            let policy = configuration.policy(for: player.info)
            let name = player.info.name
            if policy.isEnabled {
                let rules =
                    "settle \(policy.settleWindow), progress every \(policy.progressInterval), "
                    + "minimum \(policy.minimumDuration), \(policy.ignoredTitles.count + policy.ignoredURLs.count) ignore pattern(s)"
                report(DoctorCheck("player \(name)", "reported (\(player.info.busName)); \(rules)"))
            } else {
                report(
                    DoctorCheck(
                        "player \(name)",
                        "not reported (\(player.info.busName))",
                        .warning(
                            fix: "to report it, add `[players.\(name)]` with `enabled = true` to the configuration")
                    )
                )
            }
        }
    }

    private func checkAccount(configuration: AgentConfiguration, report: (DoctorCheck) -> Void) async {
        let clientID = configuration.punchplay.clientIDSummary(configurationFile: loader.location.mainFile)
        guard configuration.punchplay.clientIDSource != .none else {
            report(
                DoctorCheck(
                    "client id",
                    clientID,
                    .failed(
                        fix:
                            "add `client_id` under `[punchplay]` in \(loader.location.mainFile), or install a package with one built in"
                    )
                )
            )
            return
        }
        report(DoctorCheck("client id", clientID))
        let factory = PunchPlayClientFactory(
            settings: configuration.punchplay,
            configurationFile: loader.location.mainFile,
            directories: XDGDirectories(
                environment: environment,
                homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path
            )
        )
        let made: AgentClient
        do {
            made = try await factory.make(logLabel: "punchplay-mpris.doctor")
        } catch {
            switch error {
            case .configuration(let error):
                report(
                    DoctorCheck(
                        "configuration",
                        "\(error)",
                        .failed(fix: "correct `[punchplay]` in \(loader.location.mainFile)")
                    )
                )
            case .credentialStore(let error):
                report(
                    DoctorCheck(
                        "credential store",
                        "\(error)",
                        .failed(fix: "set `credential_store = \"file\"` under `[punchplay]`, or unlock your keyring")
                    )
                )
            }
            return
        }
        await checkLogin(made, configuration: configuration, report: report)
        await made.client.shutdown()
    }

    /// Whether the store holds a login, and whether PunchPlay accepts it.
    private func checkLogin(
        _ made: AgentClient,
        configuration: AgentConfiguration,
        report: (DoctorCheck) -> Void
    ) async {
        do {
            guard try await made.store.load() != nil else {
                report(DoctorCheck("login", "not logged in", .failed(fix: "run `punchplay-mpris login`")))
                return
            }
            report(DoctorCheck("credential store", "holds a login (\(made.store.displayName))"))
        } catch {
            report(DoctorCheck("credential store", "\(error)", .failed(fix: "see the message above")))
            return
        }
        do {
            let account = try await made.client.me()
            report(
                DoctorCheck(
                    "connection and token", "logged in as \(account.username) at \(configuration.punchplay.apiBaseURL)")
            )
        } catch {
            let fix =
                error.retryClass == .loginRequired
                ? "run `punchplay-mpris login` again"
                : "check the network and api_base_url (\(configuration.punchplay.apiBaseURL))"
            report(DoctorCheck("connection and token", "\(error)", .failed(fix: fix)))
        }
    }

    private func checkOutbox(report: (DoctorCheck) -> Void) async {
        let path = OutboxLocation.defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            report(DoctorCheck("outbox", "empty (no database yet at \(path))"))
            return
        }
        do {
            let snapshot = try await OutboxStore(path: path).snapshot()
            let finding = "\(snapshot.pendingCount) event(s) queued, \(snapshot.deadLetters.count) dead letter(s)"
            if !snapshot.deadLetters.isEmpty {
                report(DoctorCheck("outbox", finding, .warning(fix: "inspect them with `punchplay-mpris queue`")))
            } else if snapshot.loginRequiredSince != nil {
                report(
                    DoctorCheck("outbox", finding + ", held for a login", .failed(fix: "run `punchplay-mpris login`")))
            } else {
                report(DoctorCheck("outbox", finding))
            }
        } catch {
            report(
                DoctorCheck(
                    "outbox", "\(error)", .failed(fix: "see the message above; `punchplay-mpris queue` can purge it")))
        }
    }
}
