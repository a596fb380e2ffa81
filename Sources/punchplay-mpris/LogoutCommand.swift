import Agent
import ArgumentParser
import PunchPlay

/// `punchplay-mpris logout`: tells a running agent to stop using the login, then revokes it at PunchPlay (best
/// effort) and deletes the local credentials.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Log out of PunchPlay and delete the stored credentials."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try await PunchPlayCommandContext.make(global: global)
        // Loaded before the agent forgets the login, so the revoke below still has the token to revoke.
        _ = try? await context.client.tokens.currentCredentials()
        await tellRunningAgent()
        let outcome: PunchPlayClient.LogoutOutcome
        do {
            outcome = try await context.client.logout()
        } catch {
            PunchPlayCommandContext.fail("Could not delete the credentials: \(error.message)")
        }
        await context.client.shutdown()
        guard outcome.wasLoggedIn else {
            print("Not logged in; nothing stored in the \(context.store.displayName).")
            return
        }
        if let failure = outcome.revokeFailure {
            print("Logged out here. PunchPlay could not revoke the login (\(failure)); it expires on its own.")
        } else {
            print("Logged out: the login was revoked at PunchPlay and deleted from the \(context.store.displayName).")
        }
    }

    /// A running agent stops using the login first, so it cannot refresh a token that is being revoked.
    private func tellRunningAgent() async {
        do {
            _ = try await AgentBusClient.withRunningAgent { try await $0.loggedOut() }
        } catch {
            PunchPlayCommandContext.printError("The running agent did not let go of the login (\(error)).")
        }
    }
}
