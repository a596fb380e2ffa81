import Foundation
import Scrobbling
import Testing

@testable import Agent

@Suite("The documented example configuration")
struct ConfigurationExampleTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func repositoryFile(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The script that rewrites the generated documents, named by every failure that it fixes.
    static let regenerate = "run scripts/write-generated-docs.sh"

    /// README.md's generated table of per-player keys: the lines between its markers, without the blank lines
    /// around the table; nil when the markers are missing.
    static func readmePerPlayerKeys() throws -> String? {
        let lines = try repositoryFile("README.md").split(separator: "\n", omittingEmptySubsequences: false)
        guard let begin = lines.firstIndex(of: Substring(PlayerSettingsReference.markdownBeginMarker)),
            let end = lines[begin...].firstIndex(of: Substring(PlayerSettingsReference.markdownEndMarker))
        else { return nil }
        return lines[(begin + 1)..<end].joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    @Test("the generated example is config/config.example.toml (run scripts/write-generated-docs.sh)")
    func embeddedMatchesFile() throws {
        #expect(
            ExampleConfiguration.text + "\n" == (try Self.repositoryFile("config/config.example.toml")),
            "config/config.example.toml differs from `config example`: \(Self.regenerate)")
    }

    @Test("README.md's per-player keys are the generated table (run scripts/write-generated-docs.sh)")
    func readmeTableMatchesSettings() throws {
        let table = try Self.readmePerPlayerKeys()
        #expect(table != nil, "README.md lacks the per-player keys markers around the table of per-player keys")
        #expect(
            table == PlayerSettingsReference.markdown,
            "README.md's per-player keys differ from `config keys --markdown`: \(Self.regenerate)")
    }

    @Test("the example loads without problems and documents the built-in defaults")
    func exampleLoads() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write(ExampleConfiguration.text)
        let configuration = try directory.loader().load()

        #expect(configuration.punchplay.apiBaseURL == PunchPlaySettings.defaultBaseURL)
        #expect(configuration.log == LogSettings())
        var documentedDefaults = configuration.defaults.applied(to: PlayerPolicy())
        documentedDefaults.ignoredTitles = []
        #expect(documentedDefaults == PlayerPolicy())
        #expect(configuration.overrides(forPlayerName: "firefox", identity: nil)[PlayerSettings.enabled] == false)
        #expect(
            configuration.policy(for: RuntimePolicyTests.player("mpv")).ignoreReason(title: "Dune Trailer", url: nil)
                != nil)
    }

    @Test("every key is in the example and in the README's configuration reference")
    func everyKeyDocumented() throws {
        let readme = try Self.repositoryFile("README.md")
        let keys =
            ConfigurationKeys.punchplay + ConfigurationKeys.log + ConfigurationKeys.desktop + ConfigurationKeys.player
        for key in keys {
            #expect(ExampleConfiguration.text.contains(key), "\(key) missing from config/config.example.toml")
            #expect(readme.contains("`\(key)`"), "\(key) missing from README.md")
        }
        for table in ConfigurationKeys.tables {
            #expect(readme.contains("[\(table)"), "[\(table)] missing from README.md")
        }
    }
}
