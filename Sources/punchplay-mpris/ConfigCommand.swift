import Agent
import ArgumentParser
import Foundation

/// `punchplay-mpris config`: check the configuration, show which files are read, print the documented example
/// or the reference of the per-player keys.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check, locate, print an example of the configuration or list its per-player keys.",
        subcommands: [Check.self, Path.self, Example.self, Keys.self]
    )

    /// `config check`: loads every file and lists every problem; exit status 1 when there is any.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the configuration files and list every problem with its file and line."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let loader = global.configurationLoader
            do {
                let configuration = try loader.load()
                if configuration.sourceFiles.isEmpty {
                    print("No configuration file at \(loader.location.mainFile); using the defaults.")
                } else {
                    print("Configuration OK: " + configuration.sourceFiles.joined(separator: ", "))
                }
                if configuration.punchplay.clientIDSource == .none {
                    print("Note: no [punchplay] client_id is set; `login` needs one.")
                }
            } catch {
                ConfigCommand.printToStandardError(error.description)
                let count = error.issues.count
                ConfigCommand.printToStandardError("\(count) problem\(count == 1 ? "" : "s") found.")
                throw ExitCode.failure
            }
        }
    }

    /// `config path`: the files that would be read, and whether each exists.
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the configuration files that would be read and whether they exist."
        )

        @OptionGroup var global: GlobalOptions

        func run() {
            let loader = global.configurationLoader
            for file in loader.files() {
                let state = file.exists ? "exists" : "missing"
                print("\(file.path) (\(file.role == .main ? "main" : "player"), \(state))")
            }
            print("\(loader.location.playersDirectory)/NAME.toml (per-player files)")
        }
    }

    /// `config example`: the documented example configuration, to start a file from.
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a documented example configuration.",
            discussion: "Start a configuration with:\n"
                + "  mkdir -p ~/.config/punchplay-mpris\n"
                + "  punchplay-mpris config example > ~/.config/punchplay-mpris/config.toml"
        )

        func run() {
            print(ExampleConfiguration.text)
        }
    }

    /// `config keys`: every per-player key with its default, allowed values and meaning.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every per-player key with its default, allowed values and meaning.",
            discussion: "The keys apply in [defaults], [players.NAME] and players.d/NAME.toml."
        )

        @Flag(help: "Print a Markdown table (key, default, meaning), as in README.md.")
        var markdown = false

        func run() {
            print(markdown ? PlayerSettingsReference.markdown : PlayerSettingsReference.plainText)
        }
    }

    /// Writes a message to standard error, keeping errors out of piped standard output.
    static func printToStandardError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
