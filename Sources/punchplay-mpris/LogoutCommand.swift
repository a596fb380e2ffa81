import ArgumentParser
import PunchPlay

/// `punchplay-mpris logout`: revokes the login at PunchPlay (best effort) and deletes the local credentials.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Log out of PunchPlay and delete the stored credentials."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try await PunchPlayCommandContext.make(global: global)
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
}
