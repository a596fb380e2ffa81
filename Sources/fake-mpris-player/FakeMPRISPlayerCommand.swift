import ArgumentParser
import Dispatch
import Foundation
import MPRISTestSupport

/// `fake-mpris-player`: the tests' scriptable MPRIS player as a separate process on the session bus, driven by
/// one command per line on standard input, for end-to-end trials of the agent and for load tests.
///
/// Commands: `status Playing|Paused|Stopped`, `track SECONDS URL [TITLE...]`, `position SECONDS`,
/// `seek SECONDS`, `rate RATE`, `flood COUNT` (COUNT status changes as fast as possible), `quit`.
/// It prints `ready BUS-NAME` once on the bus, then `ok` or `error: ...` after each command; every `ok`
/// comes after the bus has passed the command's signals on.
@main
struct FakeMPRISPlayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-mpris-player",
        abstract: "A scriptable MPRIS player for trying out and load-testing punchplay-mpris."
    )

    @Option(help: "The name after org.mpris.MediaPlayer2. to take on the session bus.")
    var name = "fake"

    @Option(help: "The player's Identity.")
    var identity = "Fake Player"

    func run() async throws {
        guard let address = ProcessInfo.processInfo.environment["DBUS_SESSION_BUS_ADDRESS"] else {
            throw ValidationError("DBUS_SESSION_BUS_ADDRESS is not set; run this inside a desktop session")
        }
        let player = try await FakePlayer.start(on: address, name: name, identity: identity)
        Self.reply("ready \(player.busName)")
        for await line in Self.standardInputLines() {
            let words = line.split(separator: " ").map(String.init)
            guard let verb = words.first else { continue }
            if verb == "quit" { break }
            do {
                try await FakePlayerScript.run(verb, Array(words.dropFirst()), on: player)
                Self.reply("ok")
            } catch {
                Self.reply("error: \(error)")
            }
        }
        await player.vanish()
    }

    private static func reply(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Standard input's lines, read on a dispatch thread so the blocking reads stay off Swift concurrency's
    /// threads; finishes at end of input.
    private static func standardInputLines() -> AsyncStream<String> {
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        DispatchQueue.global().async {
            while let line = readLine() { continuation.yield(line) }
            continuation.finish()
        }
        return lines
    }
}
