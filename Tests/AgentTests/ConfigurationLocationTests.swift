import Agent
import Testing

@Suite("Configuration file location")
struct ConfigurationLocationTests {
    static let directories = XDGDirectories(configHome: "/home/u/.config", stateHome: "/home/u/.local/state")

    @Test("--config wins over PUNCHPLAY_MPRIS_CONFIG, which wins over the XDG location")
    func precedence() {
        let environment = ["PUNCHPLAY_MPRIS_CONFIG": "/etc/pp.toml"]
        let fromFlag = ConfigurationLocation.resolve(
            commandLineFile: "/tmp/flag.toml", environment: environment, directories: Self.directories,
            workingDirectory: "/work")
        #expect(fromFlag == ConfigurationLocation(mainFile: "/tmp/flag.toml", origin: .commandLine))

        let fromEnvironment = ConfigurationLocation.resolve(
            commandLineFile: nil, environment: environment, directories: Self.directories, workingDirectory: "/work")
        #expect(fromEnvironment == ConfigurationLocation(mainFile: "/etc/pp.toml", origin: .environment))

        let byDefault = ConfigurationLocation.resolve(
            commandLineFile: nil, environment: [:], directories: Self.directories, workingDirectory: "/work")
        #expect(
            byDefault
                == ConfigurationLocation(
                    mainFile: "/home/u/.config/punchplay-mpris/config.toml", origin: .defaultLocation)
        )
        #expect(!byDefault.isExplicit)
        #expect(fromFlag.isExplicit && fromEnvironment.isExplicit)
    }

    @Test("relative paths are taken from the working directory; players.d sits beside the main file")
    func relativePaths() {
        let location = ConfigurationLocation.resolve(
            commandLineFile: "conf/my.toml", environment: [:], directories: Self.directories,
            workingDirectory: "/work")
        #expect(location.mainFile == "/work/conf/my.toml")
        #expect(location.playersDirectory == "/work/conf/players.d")
    }

    @Test("XDG variables that are unset, empty or relative fall back to the home directory")
    func xdgFallbacks() {
        let fallback = XDGDirectories(
            environment: ["XDG_CONFIG_HOME": "relative", "XDG_STATE_HOME": ""], homeDirectory: "/h")
        #expect(fallback == XDGDirectories(configHome: "/h/.config", stateHome: "/h/.local/state"))

        let explicit = XDGDirectories(
            environment: ["HOME": "/home/x", "XDG_CONFIG_HOME": "/cfg/", "XDG_STATE_HOME": "/state"],
            homeDirectory: "/h")
        #expect(explicit == XDGDirectories(configHome: "/cfg", stateHome: "/state"))
        #expect(explicit.agentConfigDirectory == "/cfg/punchplay-mpris")
        #expect(explicit.agentStateDirectory == "/state/punchplay-mpris")

        let home = XDGDirectories(environment: ["HOME": "/home/x"], homeDirectory: "/h")
        #expect(home.configHome == "/home/x/.config")
    }

    @Test("the standard loader follows PUNCHPLAY_MPRIS_CONFIG and XDG_CONFIG_HOME from the environment")
    func standardLoader() {
        let environment = ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/x"]
        #expect(
            ConfigurationLoader.standard(commandLineFile: nil, environment: environment).location.mainFile
                == "/x/cfg/punchplay-mpris/config.toml"
        )
        #expect(
            ConfigurationLoader.standard(
                commandLineFile: nil, environment: environment.merging(["PUNCHPLAY_MPRIS_CONFIG": "/y.toml"]) { $1 }
            ).location == ConfigurationLocation(mainFile: "/y.toml", origin: .environment)
        )
    }
}
