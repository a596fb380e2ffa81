import Agent
import ArgumentParser
import Foundation
import Logging
import MediaIdentity

/// `punchplay-mpris identify`: shows what the agent would report for a name, path or URL, one at a time or in
/// bulk through a pipe (one JSON object per input line, in order, flushed per line).
struct IdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Identify the movie or episode behind release names, paths or URLs.",
        discussion: """
            With no arguments, reads one input per line from standard input and writes one JSON object per line.
            Inputs starting with "/", "~/" or a URL scheme, and relative paths to files that exist, are taken as \
            the player's xesam:url; others as its xesam:title, where names with folders \
            ("Movies/Heat (1995)/Heat.mkv", "D:\\TV\\Show\\...") are still read as paths. For a local file, the \
            Kodi/Jellyfin .nfo sidecars next to it are read as the agent reads them (NAME.nfo or movie.nfo, \
            tvshow.nfo); "sources" says where each field came from. Bonus material, samples and subtitle files are \
            never reported: their answer says why ("not_media", "reason") next to what they belong to.
            """
    )

    @Flag(
        name: .long,
        help: "Write one JSON object per argument instead of readable lines (standard input always gets JSON).")
    var json = false

    @Option(name: .long, help: "The player's xesam:title to combine with each path or URL input.")
    var playerTitle: String?

    @Option(name: .long, help: "The player's mpris:length in seconds (a tie-breaker between movies and episodes).")
    var length: Double?

    @Argument(help: "Release names, paths or URLs. Reads standard input when none are given.")
    var inputs: [String] = []

    func validate() throws {
        if let length, !(0...1_000_000).contains(length) {
            throw ValidationError("--length must be a number of seconds from 0 to 1000000 (got \(length)).")
        }
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let emit = { (input: String, asJSON: Bool) throws in
            let result = MediaIdentifier.identify(hints(for: input))
            let text =
                asJSON
                ? String(decoding: try encoder.encode(IdentifyOutput(input: input, result: result)), as: UTF8.self)
                : IdentifyOutput.humanLines(input: input, result: result)
            // One unbuffered write per answer, so a pipeline sees each one as soon as it is ready.
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
        if inputs.isEmpty {
            while let line = readLine(strippingNewline: true) {
                try emit(line, true)
            }
        } else {
            for input in inputs { try emit(input, json) }
        }
    }

    private func hints(for input: String) -> MediaHints {
        let duration = length.map { Duration.milliseconds(Int64(($0 * 1000).rounded())) }
        let isLocation = input.hasPrefix("/") || input.hasPrefix("~/") || input.contains("://")
        let isRelativeFile =
            !isLocation && input.contains("/") && FileManager.default.fileExists(atPath: input)
        if isLocation || isRelativeFile {
            let url = isRelativeFile ? FileManager.default.currentDirectoryPath + "/" + input : input
            let sidecars = SidecarReader(logger: Logger(label: "punchplay-mpris.identify")).sidecars(forURL: url)
            return MediaHints(
                title: playerTitle, url: url, duration: duration, itemSidecar: sidecars.item,
                showSidecar: sidecars.show)
        }
        return MediaHints(title: input, duration: duration)
    }
}
