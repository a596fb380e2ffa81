import Agent
import ArgumentParser
import Foundation
import PunchPlay

/// `punchplay-mpris status`: the account, the state of the tokens and what PunchPlay thinks is playing, next
/// to what the running agent sees (its players, sessions, queue and login); `--follow` prints again on every
/// live event.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the PunchPlay account, what the running agent reports, and the service's now-playing."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON (one object per line with --follow).")
    var json = false

    @Flag(name: .long, help: "Keep running and print again whenever PunchPlay reports a playback change.")
    var follow = false

    func run() async throws {
        let context = try await PunchPlayCommandContext.make(global: global)
        let client = context.client
        let agent = await AgentBusClient.connectIfRunning()
        var report = await StatusReport.gather(
            from: client,
            storeName: context.store.displayName,
            clientID: ClientIDStatus(settings: context.punchplay, configurationFile: context.configurationFile)
        )
        await report.refreshAgent(from: agent)
        emit(report)
        guard report.state == .loggedIn else {
            await agent?.close()
            PunchPlayMPRIS.exit(withError: ExitCode.failure)
        }
        if follow {
            do {
                for try await event in client.liveEvents() {
                    switch event {
                    case .ready, .playbackUpdate:
                        await report.refreshNowPlaying(from: client)
                        await report.refreshAgent(from: agent)
                        emit(report)
                    case .disconnected(let reason, let retryIn):
                        PunchPlayCommandContext.printError(
                            "Live events interrupted (\(reason)); reconnecting in \(retryIn.components.seconds) s."
                        )
                    }
                }
            } catch {
                PunchPlayCommandContext.fail("\(error)")
            }
        }
        await agent?.close()
        await client.shutdown()
    }

    /// Writes the report straight to standard output (unbuffered, so `--follow` output reaches a pipe at once).
    private func emit(_ report: StatusReport) {
        let text: String
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting =
                follow
                ? [.sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            text = String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
        } else {
            text = report.text + (follow ? "\n" : "")
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
