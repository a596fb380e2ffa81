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

    @Test("the generated example is config/config.example.toml (run packaging/write-example-config.sh)")
    func embeddedMatchesFile() throws {
        #expect(ExampleConfiguration.text + "\n" == (try Self.repositoryFile("config/config.example.toml")))
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
        let keys = ConfigurationKeys.punchplay + ConfigurationKeys.log + ConfigurationKeys.player
        for key in keys {
            #expect(ExampleConfiguration.text.contains(key), "\(key) missing from config/config.example.toml")
            #expect(readme.contains("`\(key)`"), "\(key) missing from README.md")
        }
        for table in ConfigurationKeys.tables {
            #expect(readme.contains("[\(table)"), "[\(table)] missing from README.md")
        }
    }
}
