import Agent
import ArgumentParser
import Foundation
import PunchPlay

/// `punchplay-mpris login`: the device-code login. Prints the code and the address to enter it at, opens
/// the browser with `--open`, waits for the approval and says who is logged in.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to PunchPlay with a code you confirm in the browser."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Open the login page in the browser (xdg-open).")
    var open = false

    func run() async throws {
        let context = try await PunchPlayCommandContext.make(global: global)
        let authorization: DeviceAuthorization
        do {
            authorization = try await context.client.requestDeviceAuthorization()
        } catch {
            PunchPlayCommandContext.fail("Could not start the login: \(error)")
        }
        print("To log in, open \(authorization.verificationURI) and enter the code: \(authorization.userCode)")
        if let complete = authorization.verificationURIComplete {
            print("Or open this address, which has the code filled in: \(complete)")
        }
        print("The code is valid for \(authorization.expiresIn.components.seconds / 60) minutes. Waiting…")
        if open {
            openBrowser(authorization.verificationURIComplete ?? authorization.verificationURI)
        }
        let notice = await LoginNotice(enabled: context.notifications)
        await notice.showCode(authorization.userCode, at: authorization.verificationURI)
        do {
            let account = try await context.client.completeDeviceLogin(authorization)
            await context.client.shutdown()
            let name = account.name.map { " (\($0))" } ?? ""
            await notice.finish(summary: "Logged in to PunchPlay", body: "as \(account.username)\(name)")
            print("Logged in as \(account.username)\(name). Credentials are kept in the \(context.store.displayName).")
            await tellRunningAgent()
        } catch {
            await notice.finish(summary: "PunchPlay login failed", body: error.description)
            PunchPlayCommandContext.fail(error.description)
        }
    }

    /// Hands the new login to a running agent, which sends what it held at once.
    private func tellRunningAgent() async {
        do {
            if try await AgentBusClient.withRunningAgent({ try await $0.loggedIn() }) != nil {
                print("The running agent uses the new login now.")
            }
        } catch {
            PunchPlayCommandContext.printError(
                "The running agent did not take the new login (\(error)); restart it: systemctl --user restart punchplay-mpris"
            )
        }
    }

    private func openBrowser(_ address: String) {
        do {
            try BrowserLauncher.open(address)
        } catch {
            PunchPlayCommandContext.printError("Could not open the browser (\(error)); open the address yourself.")
        }
    }
}
