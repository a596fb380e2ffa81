import Agent
import Foundation

/// A fresh directory for one test's configuration files, removed when the test is done with it.
final class ConfigurationTestDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/punchplay-config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var mainFile: String { path + "/config.toml" }

    /// Writes `text` to `relativePath` (creating directories) and returns the absolute path.
    @discardableResult
    func write(_ text: String, to relativePath: String = "config.toml") throws -> String {
        let file = path + "/" + relativePath
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A loader for `config.toml` in this directory, as if named by `--config` (or found by default), in a
    /// binary that carries `builtInClientID` (none unless a test says so).
    func loader(
        origin: ConfigurationLocation.Origin = .commandLine,
        builtInClientID: String? = nil
    ) -> ConfigurationLoader {
        ConfigurationLoader(
            location: ConfigurationLocation(mainFile: mainFile, origin: origin),
            hostName: "test-host",
            builtInClientID: builtInClientID
        )
    }

    /// Loads `text` as the main file and returns the problems (empty when it loads).
    func issues(loading text: String) throws -> [ConfigurationIssue] {
        try write(text)
        do {
            _ = try loader().load()
            return []
        } catch {
            return error.issues
        }
    }
}
