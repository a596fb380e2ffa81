import Agent
import ArgumentParser
import Foundation
import PunchPlay

/// What `login`, `logout` and `status` share: the configuration read, logging set up, the credential store
/// chosen and a client built from the `[punchplay]` table. Failures become one clear line and exit status 1.
struct PunchPlayCommandContext {
    let client: PunchPlayClient
    let store: any CredentialStore
    /// `[log] notifications`: whether commands may show desktop notifications.
    let notifications: Bool
    /// The `[punchplay]` table the client was built from (with the built-in `client_id`).
    let punchplay: PunchPlaySettings
    /// The main configuration file, named in messages.
    let configurationFile: String

    /// Builds the context; call `client.shutdown()` when done.
    static func make(global: GlobalOptions) async throws -> PunchPlayCommandContext {
        let loader = global.configurationLoader
        let configuration: AgentConfiguration
        do {
            configuration = try loader.load()
        } catch {
            _ = global.bootstrapLogging(configured: nil)
            fail(error.description)
        }
        _ = global.bootstrapLogging(configured: configuration)
        let made: AgentClient
        do {
            made = try await PunchPlayClientFactory(
                settings: configuration.punchplay,
                configurationFile: loader.location.mainFile,
                directories: XDGDirectories.current()
            ).make()
        } catch {
            fail(error.description)
        }
        return PunchPlayCommandContext(
            client: made.client,
            store: made.store,
            notifications: configuration.log.notifications,
            punchplay: configuration.punchplay,
            configurationFile: loader.location.mainFile
        )
    }

    /// Prints `message` to standard error and exits with status 1 (the process ends, so an open client
    /// needs no shutdown).
    static func fail(_ message: String) -> Never {
        printError(message)
        PunchPlayMPRIS.exit(withError: ExitCode.failure)
    }

    /// Writes a line to standard error, keeping messages out of piped standard output.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
