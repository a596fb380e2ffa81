import DBus
import Foundation
import Logging
import MPRIS
import MediaIdentity
import Outbox
import PlaybackModel
import PunchPlay
import Scrobbling
import ServiceLifecycle

/// `punchplay-mpris run`: wires observations → scrobbling core → outbox → client and runs them as one
/// supervised `ServiceGroup`. SIGTERM/SIGINT shut down gracefully (open sessions stop, the `stop`s are
/// persisted and given the shutdown budget to be delivered), SIGHUP reloads the configuration.
public struct AgentRuntime: Sendable {
    let loader: ConfigurationLoader
    let configuration: AgentConfiguration
    let options: AgentRunOptions
    let applyLogLevel: @Sendable (AgentConfiguration) -> Void
    let logger = Logger(label: "punchplay-mpris.agent")

    /// - Parameters:
    ///   - applyLogLevel: applies a reloaded configuration's `[log] level` (the flags still win).
    public init(
        loader: ConfigurationLoader,
        configuration: AgentConfiguration,
        options: AgentRunOptions,
        applyLogLevel: @escaping @Sendable (AgentConfiguration) -> Void
    ) {
        self.loader = loader
        self.configuration = configuration
        self.options = options
        self.applyLogLevel = applyLogLevel
    }

    /// Runs until a shutdown signal or the loss of the session bus.
    public func run() async throws {
        let directories = XDGDirectories(
            environment: options.environment,
            homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path
        )
        let deviceID = try DeviceIdentity.loadOrCreate(in: directories.agentStateDirectory)
        let session = try await Self.sessionBus()
        let outcome: Result<Void, any Error>
        do {
            try await run(on: session, directories: directories, deviceID: deviceID)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await session.close()
        try outcome.get()
        logger.info("stopped")
    }

    /// Runs the services over `session`, which the caller closes afterwards. The bus name comes first: a second
    /// agent stops before it touches the outbox or the login.
    private func run(on session: DBusConnection, directories: XDGDirectories, deviceID: String) async throws {
        try await claimBusName(on: session)
        let client = try await makeClient(directories: directories, deviceID: deviceID)
        let outcome: Result<Void, any Error>
        do {
            try await run(on: session, client: client, directories: directories, deviceID: deviceID)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await client?.client.shutdown()
        try outcome.get()
    }

    private func run(
        on session: DBusConnection,
        client: AgentClient?,
        directories: XDGDirectories,
        deviceID: String
    ) async throws {
        let writer: any PlaybackWriting = client?.client ?? DryRunWriter()
        let outbox = try OutboxPlace(dryRun: options.dryRun, environment: options.environment)
        defer { outbox.removeIfTemporary() }
        let store = try openStore(at: outbox.path)
        let delivery = EventDelivery(
            store: store,
            writer: ReportingWriter(wrapping: writer, logger: Logger(label: "punchplay-mpris.delivery"))
        )
        let notifier = configuration.log.notifications ? DesktopNotifier(connection: session) : nil
        let notify: @Sendable (String, String) async -> Void = { summary, body in
            _ = await notifier?.show(summary: summary, body: body)
        }
        let intake = OutboxIntake(delivery: delivery, logger: Logger(label: "punchplay-mpris.outbox"))
        let scrobbling = makeScrobbling(
            deviceID: deviceID,
            intake: intake,
            nowWatching: configuration.log.notifyNowWatching ? notifier : nil
        )
        try await inheritSessionsOfPreviousRun(store: store, scrobbling: scrobbling)
        let serviceManager = ServiceManagerNotifier(environment: options.environment)
        let reloader = ConfigurationReloader(
            loader: loader,
            initial: configuration,
            scrobbling: scrobbling,
            delivery: delivery,
            applyLogLevel: applyLogLevel,
            serviceManager: serviceManager,
            logger: logger
        )
        let control = AgentControl(
            parts: AgentControl.Parts(
                connection: session,
                tokens: client?.client.tokens,
                delivery: delivery,
                scrobbling: scrobbling,
                reloader: reloader,
                pauseFile: ReportingPauseFile(stateDirectory: directories.agentStateDirectory),
                notify: notify,
                now: Date.init,
                logger: logger
            )
        )
        await control.restoreSavedPause()
        await control.loadLoginState()
        try await AgentControlInterface(control: control, connection: session, ownUser: getuid()).export()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: DeliveryService(delivery: delivery, shutdownBudget: options.shutdownBudget, logger: logger),
                serviceName: "delivery"
            ),
            .init(
                service: ScrobblingPipeline(
                    watcher: PlayerWatcher(connection: session, uptime: { scrobbling.uptime() }),
                    scrobbling: scrobbling,
                    serviceManager: serviceManager,
                    logger: Logger(label: "punchplay-mpris.scrobbling")
                ),
                successTerminationBehavior: .gracefullyShutdownGroup,
                serviceName: "scrobbling"
            ),
            .init(
                service: ReloadService(reloader: reloader),
                successTerminationBehavior: .ignore,
                serviceName: "reload"
            ),
            .init(
                service: AgentControlService(control: control, diskRefusals: intake.diskRefusals),
                successTerminationBehavior: .ignore,
                serviceName: "control"
            ),
            .init(
                service: SleepService(scrobbling: scrobbling, logger: logger),
                successTerminationBehavior: .ignore,
                serviceName: "sleep"
            ),
            .init(
                service: MemoryTrimService(
                    delay: options.memoryTrimDelay,
                    clock: SuspendingClock(),
                    activity: await control.statusUpdates().map(\.playbackKeys),
                    trim: ResidentMemoryTrim.reporting(to: logger)
                ),
                successTerminationBehavior: .ignore,
                serviceName: "memory-trim"
            ),
            .init(
                service: OutboxRecoveryNoticeService(
                    delivery: delivery,
                    reportedAtOpen: store.recovery,
                    notify: notify,
                    logger: logger
                ),
                successTerminationBehavior: .ignore,
                serviceName: "outbox-recovery"
            ),
        ]
        if client != nil {
            services.append(
                .init(
                    service: LoginNoticeService(delivery: delivery, notify: notify, logger: logger),
                    successTerminationBehavior: .ignore,
                    serviceName: "login"
                )
            )
        }
        if configuration.desktop.tray {
            services.append(
                .init(
                    service: try await makeTray(control: control, on: session),
                    successTerminationBehavior: .ignore,
                    serviceName: "tray"
                )
            )
        }
        if let serviceManager, let interval = serviceManager.watchdogInterval {
            services.append(
                .init(
                    service: WatchdogService(notifier: serviceManager, interval: interval),
                    successTerminationBehavior: .ignore,
                    serviceName: "watchdog"
                )
            )
        }
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        try await ServiceGroup(configuration: groupConfiguration).run()
    }

    /// The tray icon, exported on the agent's connection; its menu acts through `control`.
    private func makeTray(control: AgentControl, on session: DBusConnection) async throws -> TrayService {
        let commands = TrayCommands(
            control: control,
            webAddress: configuration.punchplay.apiBaseURL,
            explicitConfigurationFile: loader.location.isExplicit ? loader.location.mainFile : nil,
            environment: options.environment,
            logger: logger
        )
        let tray = TrayIcon(
            connection: session,
            iconThemePath: TrayIconThemePath.resolve(
                environment: options.environment,
                executablePath: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            ),
            initial: TrayPresentation(status: await control.status),
            perform: commands.perform
        )
        try await tray.export()
        return TrayService(tray: tray, control: control, connection: session, logger: logger)
    }

    /// Takes `tv.punchplay.Mpris`, the session's one-agent token; fails when another agent holds it. An agent
    /// that just died may hold it for a moment until the bus notices, so a taken name is asked for again for a
    /// second before giving up.
    private func claimBusName(on session: DBusConnection) async throws {
        for attempt in 1...10 {
            let reply: DBusConnection.NameRequestReply
            do {
                reply = try await session.requestName(AgentBus.name, flags: [.doNotQueue])
            } catch {
                throw RuntimeError("cannot take the bus name \(AgentBus.name): \(error)")
            }
            if reply == .primaryOwner || reply == .alreadyOwner { return }
            if attempt < 10 { try await Task.sleep(for: .milliseconds(100)) }
        }
        let owner = (try? await session.nameOwner(of: AgentBus.name)) ?? "another connection"
        throw RuntimeError(
            "another punchplay-mpris agent is already running in this session (it owns \(AgentBus.name) as "
                + "\(owner)); stop it first (`systemctl --user stop punchplay-mpris`) or use it"
        )
    }

    private static func sessionBus() async throws(RuntimeError) -> DBusConnection {
        do {
            return try await DBusConnection.session()
        } catch {
            throw RuntimeError(
                "cannot connect to the session bus (\(error)); punchplay-mpris must run inside a desktop session, "
                    + "or with DBUS_SESSION_BUS_ADDRESS set"
            )
        }
    }

    /// The client and the credential store a held login is watched in; nil for a dry run.
    private func makeClient(directories: XDGDirectories, deviceID: String) async throws -> AgentClient? {
        if options.dryRun {
            logger.info("dry run: nothing is sent; each event is printed as a JSON line")
            return nil
        }
        let factory = PunchPlayClientFactory(
            settings: configuration.punchplay,
            configurationFile: loader.location.mainFile,
            directories: directories
        )
        do {
            return try await factory.make(deviceID: deviceID)
        } catch {
            switch error {
            case .configuration(let error):
                throw RuntimeError("\(error) (or try `punchplay-mpris run --dry-run`, which needs no account)")
            case .credentialStore(let error):
                throw error
            }
        }
    }

    private func openStore(at path: String) throws(RuntimeError) -> OutboxStore {
        do {
            let store = try OutboxStore(path: path)
            if let recovery = store.recovery { logger.error("\(recovery)") }
            return store
        } catch {
            throw RuntimeError("cannot open the outbox database \(path): \(error)")
        }
    }

    /// Hands the sessions a previous run left open (it crashed or was killed) to the core, which continues
    /// each one whose item is still playing and closes the others with a `stop` at their last known position.
    private func inheritSessionsOfPreviousRun(
        store: OutboxStore,
        scrobbling: ScrobblingService<SuspendingClock>
    ) async throws {
        let open = try await store.openSessions()
        for session in open {
            logger.info(
                "the last run left \"\(session.lastEvent.payload.title ?? "untitled")\" open: continued if it is still playing"
            )
        }
        scrobbling.inherit(open.map { InheritedSession(lastEvent: $0.lastEvent) })
    }

    /// The core on the suspending clock; its sink logs decisions at debug level, commits each step's events
    /// to the outbox (write-ahead; held in memory while the disk refuses) and, when asked for, shows "now
    /// watching" for each `start`.
    private func makeScrobbling(
        deviceID: String,
        intake: OutboxIntake,
        nowWatching: DesktopNotifier?
    ) -> ScrobblingService<SuspendingClock> {
        let scrobbler = Scrobbler(
            configuration: Scrobbler.Configuration(
                context: ScrobblingContext(deviceID: deviceID, clientVersion: AgentVersion.current),
                policy: configuration.policy(for:),
                identify: MediaIdentifier.identify,
                makeID: { UUID().uuidString.lowercased() }
            )
        )
        let logger = Logger(label: "punchplay-mpris.scrobbling")
        return ScrobblingService(scrobbler: scrobbler, clock: SuspendingClock()) { step in
            for decision in step.decisions {
                logger.debug("decided \(decision)")
            }
            guard !step.events.isEmpty else { return }
            await intake.commit(step.events)
            if let nowWatching {
                for event in step.events where event.action == .start {
                    let title = event.payload.title ?? "something"
                    Task { _ = await nowWatching.show(summary: "Now watching", body: title) }
                }
            }
        }
    }
}
