import Testing

@testable import Agent

@Suite("Unknown configuration keys")
struct ConfigurationUnknownKeyTests {
    struct UnknownKey: Sendable, CustomTestStringConvertible {
        var toml: String
        var message: String
        var testDescription: String { message }
    }

    static let cases: [UnknownKey] = [
        UnknownKey(toml: "[log]\nlevle = \"debug\"", message: "2: unknown key 'log.levle'; did you mean 'log.level'?"),
        UnknownKey(
            toml: "[punchplay]\nclientid = \"x\"",
            message: "2: unknown key 'punchplay.clientid'; did you mean 'punchplay.client_id'?"
        ),
        UnknownKey(
            toml: "[punchplay]\nlevel = \"debug\"",
            message: "2: unknown key 'punchplay.level'; did you mean 'log.level'?"
        ),
        UnknownKey(
            toml: "client_id = \"x\"", message: "1: unknown key 'client_id'; did you mean 'punchplay.client_id'?"),
        UnknownKey(toml: "[player.mpv]\nenabled = true", message: "1: unknown key 'player'; did you mean 'players'?"),
        UnknownKey(
            toml: "[players.mpv]\nenable = false",
            message: "2: unknown key 'players.mpv.enable'; did you mean 'players.mpv.enabled'?"
        ),
        UnknownKey(
            toml: "[defaults]\nprogress_interval = 10",
            message: "2: unknown key 'defaults.progress_interval'; did you mean 'defaults.progress_interval_seconds'?"
        ),
        UnknownKey(
            toml: "[defaults]\ncolour = \"blue\"",
            message: "2: unknown key 'defaults.colour' (it would be ignored)"
        ),
        UnknownKey(
            toml: "[players.mpv]\nnotifications = false",
            message: "2: unknown key 'players.mpv.notifications'; did you mean 'log.notifications'?"
        ),
        UnknownKey(
            toml: "[defaults.nested]\nenabled = false",
            message: "1: unknown key 'defaults.nested' (it would be ignored)"
        ),
    ]

    @Test("an unknown key is reported with its line and the closest known key", arguments: cases)
    func unknownKey(_ case: UnknownKey) throws {
        let directory = try ConfigurationTestDirectory()
        let issues = try directory.issues(loading: `case`.toml)
        #expect(issues.map(\.description) == ["\(directory.mainFile):\(`case`.message)"])
    }

    @Test("an unknown key in a players.d file is reported against that file")
    func unknownKeyInPlayerFile() throws {
        let directory = try ConfigurationTestDirectory()
        let file = try directory.write("\nsetle_ms = 100\n", to: "players.d/mpv.toml")
        let issues = try directory.issues(loading: "")
        #expect(issues.map(\.description) == ["\(file):2: unknown key 'setle_ms'; did you mean 'settle_ms'?"])
    }

    @Test("edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(KeySuggestion.editDistance("level", "levle") == 2)
        #expect(KeySuggestion.editDistance("enable", "enabled") == 1)
        #expect(KeySuggestion.editDistance("", "abc") == 3)
        #expect(KeySuggestion.closest(to: "zzzzzz", among: ConfigurationKeys.player) == nil)
    }
}
