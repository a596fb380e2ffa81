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

    @Test("A relative path to a file is a path: its folders and sidecars count, and none stays in the title")
    func relativePath() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(
            atPath: root.file("Movies/Dark City (1998)"), withIntermediateDirectories: true)
        try Data("<movie><title>Dark City</title><uniqueid type=\"tmdb\">2666</uniqueid></movie>".utf8)
            .write(to: URL(fileURLWithPath: root.file("Movies/Dark City (1998)/movie.nfo")))
        let relative = "Movies/Dark City (1998)/Dark.City.(1998).DC.BDRip.720p.DTS.X264-CHD.mkv"
        #expect(FileManager.default.createFile(atPath: root.file(relative), contents: Data()))
        let binary = BuiltBinary.path("punchplay-mpris")
        let run = try await CommandRun.run(
            [
                "-c", "cd \"$1\" && exec \"$2\" identify --json \"$3\" 'Films/Heat (1995)/Heat.1995.mkv'", "sh",
                root.path, binary, relative,
            ],
            binary: "/bin/sh")
        #expect(run.status == 0, "\(run.errorOutput)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.output)")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(file["title"] as? String == "Dark City")
        #expect(file["year"] as? Int == 1998)
        #expect(file["tmdb_id"] as? Int == 2666, "\(lines[0])")
        let missing = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(missing["title"] as? String == "Heat", "\(lines[1])")
        #expect(missing["year"] as? Int == 1995, "\(lines[1])")
    }

    @Test("Bonus material, samples and subtitles are not reported, and say what they belong to")
    func notReportedButNamed() async throws {
        let run = try await CommandRun.run([
            "identify", "--json", "/films/Brazil_Collection-x03-Making_Of.mkv",
            "Show.S01E02.720p.WEB.h264-GRP-sample.mkv", "/tv/Spaced/Spaced.S01E03.DVDRip.XviD.srt",
        ])
        #expect(run.status == 0, "\(run.errorOutput)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.output)")
        let expected: [(String, String)] = [
            ("bonus material", "Brazil Collection"), ("sample", "Show"), ("a .srt file", "Spaced"),
        ]
        for (line, (reason, title)) in zip(lines, expected) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["not_media"] as? Bool == true, "\(line)")
            #expect((object["reason"] as? String)?.contains(reason) == true, "\(line)")
            #expect(object["title"] as? String == title, "\(line)")
        }
        let text = try await CommandRun.run(["identify", "/tv/Spaced/Spaced.S01E03.DVDRip.XviD.srt"])
        #expect(text.output.contains("not reported: a .srt file"), "\(text.output)")
        #expect(text.output.contains("belongs to episode: Spaced S01E03"), "\(text.output)")
    }

    @Test("The readable output ends with where the fields came from")
    func textProvenance() async throws {
        let run = try await CommandRun.run(["identify", "/films/Heat (1995)/Heat.1995.1080p.mkv"])
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(run.output.contains("from: type name, title name, year name"), "\(run.output)")
    }
}
