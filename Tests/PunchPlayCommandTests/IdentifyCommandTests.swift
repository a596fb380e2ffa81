import Foundation
import TestSupport
import Testing

/// `punchplay-mpris identify` on real files: it reads the `.nfo` sidecars the agent would, and says where each
/// field came from.
@Suite("identify with sidecars and provenance", .timeLimit(.minutes(1)))
struct IdentifyCommandTests {
    @Test("--json shows the sidecar's fields with \"nfo\" as their source, the others with theirs")
    func jsonProvenance() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(
            atPath: root.file("Breaking Bad/Season 5"), withIntermediateDirectories: true)
        try Data(
            "<tvshow><title>Breaking Bad</title><uniqueid type=\"tvdb\">81189</uniqueid></tvshow>".utf8
        ).write(to: URL(fileURLWithPath: root.file("Breaking Bad/tvshow.nfo")))
        let episode = root.file("Breaking Bad/Season 5/breaking.bad.s05e14.720p.mkv")
        let run = try await CommandRun.run(["identify", "--json", episode, "Heat.1995.1080p.BluRay.x264-GRP"])
        #expect(run.status == 0, "\(run.errorOutput)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.output)")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["title"] as? String == "Breaking Bad")
        #expect(first["tvdb_id"] as? Int == 81189)
        #expect(first["season"] as? Int == 5)
        let sources = try #require(first["sources"] as? [String: String], "\(lines[0])")
        #expect(sources["title"] == "nfo")
        #expect(sources["tvdb_id"] == "nfo")
        #expect(sources["season"] == "name")
        #expect(sources["episode"] == "name")
        #expect(sources["media_type"] == "name")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let nameSources = try #require(second["sources"] as? [String: String], "\(lines[1])")
        #expect(nameSources == ["media_type": "player", "title": "player", "year": "player"])
    }

    @Test("The readable output ends with where the fields came from")
    func textProvenance() async throws {
        let run = try await CommandRun.run(["identify", "/films/Heat (1995)/Heat.1995.1080p.mkv"])
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(run.output.contains("from: type name, title name, year name"), "\(run.output)")
    }
}
