import Foundation
import Logging
import PlaybackModel
import Synchronization
import TestSupport
import Testing

@testable import Agent

/// The edge reader of `.nfo` sidecars on a real directory tree: which files it reads, and what it refuses.
@Suite("Reading .nfo sidecars from disk")
struct SidecarReaderTests {
    static let movieNFO = "<movie><title>Avatar</title><uniqueid type=\"tmdb\">19995</uniqueid></movie>"
    static let episodeNFO =
        "<episodedetails><title>Pilot</title><season>1</season><episode>1</episode></episodedetails>"
    static let showNFO = "<tvshow><title>Breaking Bad</title><uniqueid type=\"tvdb\">81189</uniqueid></tvshow>"

    @Test("movie.nfo next to a movie, NAME.nfo before it, tvshow.nfo in the show folder above the season")
    func findsSidecars() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try write(Self.movieNFO, root.file("Avatar (2009)/movie.nfo"))
        try write("", root.file("Avatar (2009)/Avatar.mkv"))
        let reader = SidecarReader(logger: Logger(label: "test"))
        let movie = reader.sidecars(forPath: root.file("Avatar (2009)/Avatar.mkv"))
        #expect(movie.item == Self.movieNFO)
        #expect(movie.show == nil)

        try write(Self.episodeNFO, root.file("Breaking Bad/Season 1/bb.s01e01.nfo"))
        try write(Self.movieNFO, root.file("Breaking Bad/Season 1/movie.nfo"))
        try write(Self.showNFO, root.file("Breaking Bad/tvshow.nfo"))
        let episode = reader.sidecars(forURL: "file://" + root.file("Breaking%20Bad/Season%201/bb.s01e01.mkv"))
        #expect(episode.item == Self.episodeNFO)
        #expect(episode.show == Self.showNFO)

        try write(Self.showNFO, root.file("Flat Show/tvshow.nfo"))
        let flat = reader.sidecars(forPath: root.file("Flat Show/Flat.Show.S01E01.mkv"))
        #expect(flat.show == Self.showNFO)
        #expect(flat.item == nil)
    }

    @Test("Symlinks out of the media's folders, big files, unreadable files, FIFOs and broken texts are skipped")
    func refusals() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let logs = RecordingLogHandler.Lines()
        let reader = SidecarReader(logger: Logger(label: "test") { _ in RecordingLogHandler(lines: logs) })

        try write(Self.movieNFO, root.file("outside/secret.nfo"))
        try write("", root.file("Linked/x.mkv"))
        try FileManager.default.createSymbolicLink(
            atPath: root.file("Linked/movie.nfo"), withDestinationPath: root.file("outside/secret.nfo"))
        #expect(reader.sidecars(forPath: root.file("Linked/x.mkv")).isEmpty)

        try write(Self.movieNFO, root.file("Inside/real.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: root.file("Inside/movie.nfo"), withDestinationPath: "real.txt")
        #expect(reader.sidecars(forPath: root.file("Inside/x.mkv")).item == Self.movieNFO)

        let big = "<movie><title>Big</title></movie>" + String(repeating: " ", count: SidecarReader.maximumBytes)
        try write(big, root.file("Big/movie.nfo"))
        #expect(reader.sidecars(forPath: root.file("Big/x.mkv")).isEmpty)

        try write(Self.movieNFO, root.file("Locked/movie.nfo"))
        chmod(root.file("Locked/movie.nfo"), 0)
        if getuid() != 0 {
            #expect(reader.sidecars(forPath: root.file("Locked/x.mkv")).isEmpty)
        }

        try FileManager.default.createDirectory(atPath: root.file("Fifo"), withIntermediateDirectories: true)
        #expect(mkfifo(root.file("Fifo/movie.nfo"), 0o600) == 0)
        #expect(reader.sidecars(forPath: root.file("Fifo/x.mkv")).isEmpty)

        try write("*** GROUP presents Avatar.2009.1080p ***", root.file("Scene/Avatar.2009.1080p-GRP.nfo"))
        #expect(reader.sidecars(forPath: root.file("Scene/Avatar.2009.1080p-GRP.mkv")).isEmpty)

        #expect(reader.sidecars(forURL: "https://example.com/movie.mkv").isEmpty)
        #expect(reader.sidecars(forPath: "/").isEmpty)
        let lines = logs.all
        #expect(lines.contains { $0.contains("symlink out of its folder") }, "\(lines)")
        #expect(lines.contains { $0.contains("not a movie, episode or show .nfo") }, "\(lines)")
        #expect(lines.contains { $0.contains("not a readable file") }, "\(lines)")
    }

    @Test("The attacher reads once per URL change and reuses the texts for later signals of the same item")
    func attacherReadsOncePerURL() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try write(Self.movieNFO, root.file("Film/movie.nfo"))
        let attacher = SidecarAttacher(logger: Logger(label: "test"))
        let info = PlayerInfo(busName: "org.mpris.MediaPlayer2.test", uniqueName: ":1.5", name: "test")
        let metadata = TrackMetadata(title: "x", url: "file://" + root.file("Film/x.mkv"))
        let appeared = await attacher.attach(to: .appeared(info, PlayerProperties(metadata: metadata)))
        guard case .appeared(_, let properties) = appeared else { throw TestSupportError("not appeared") }
        #expect(properties.metadata?.sidecars.item == Self.movieNFO)

        try FileManager.default.removeItem(atPath: root.file("Film/movie.nfo"))
        let retitled = await attacher.attach(
            to: .changed(
                busName: info.busName, PlayerProperties(metadata: TrackMetadata(title: "y", url: metadata.url))))
        guard case .changed(_, let again) = retitled else { throw TestSupportError("not changed") }
        #expect(again.metadata?.sidecars.item == Self.movieNFO, "same URL: not read again")

        let other = TrackMetadata(url: "file://" + root.file("Film/y.mkv"))
        let next = await attacher.attach(to: .changed(busName: info.busName, PlayerProperties(metadata: other)))
        guard case .changed(_, let fresh) = next else { throw TestSupportError("not changed") }
        #expect(fresh.metadata?.sidecars.isEmpty == true)
    }

    private func write(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Keeps every log message, at every level, for the test to read.
private struct RecordingLogHandler: LogHandler {
    final class Lines: Sendable {
        private let storage = Mutex<[String]>([])
        var all: [String] { storage.withLock { $0 } }
        func append(_ line: String) { storage.withLock { $0.append(line) } }
    }

    let lines: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.message)")
    }
}
