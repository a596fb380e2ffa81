import Testing

@testable import Agent

/// A distributor's `client_id` built into the binary: used when the configuration sets none, overridden by the
/// configuration's, and named with its source wherever the commands show it.
@Suite("Built-in client_id")
struct BuiltInClientIDTests {
    @Test("a plain build carries no client_id: the slot packaging fills reads as empty")
    func plainBuildCarriesNone() {
        #expect(BuiltInClientID.value == nil)
    }

    @Test("with no configuration file the built-in client_id is the one used")
    func builtInWithoutConfiguration() throws {
        let directory = try ConfigurationTestDirectory()
        let settings = try directory.loader(origin: .defaultLocation, builtInClientID: "distro-app").load().punchplay

        #expect(settings.clientID == nil)
        #expect(settings.effectiveClientID == "distro-app")
        #expect(settings.clientIDSource == .builtIn)
        #expect(try settings.requireClientID(configurationFile: directory.mainFile) == "distro-app")
        #expect(
            settings.clientIDSummary(configurationFile: directory.mainFile)
                == "distro-app (built in by the distributor)")
    }

    @Test("the configuration's client_id overrides the built-in one")
    func configurationOverrides() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\nclient_id = \"own-app\"\n")
        let settings = try directory.loader(builtInClientID: "distro-app").load().punchplay

        #expect(settings.effectiveClientID == "own-app")
        #expect(settings.clientIDSource == .configuration)
        #expect(try settings.requireClientID(configurationFile: directory.mainFile) == "own-app")
        #expect(settings.clientIDSummary(configurationFile: directory.mainFile) == "own-app (from the configuration)")
    }

    @Test("a configuration without client_id keeps the built-in one")
    func configurationWithoutClientID() throws {
        let directory = try ConfigurationTestDirectory()
        try directory.write("[punchplay]\ndevice_name = \"den\"\n")
        let settings = try directory.loader(builtInClientID: "distro-app").load().punchplay

        #expect(settings.effectiveClientID == "distro-app")
        #expect(settings.clientIDSource == .builtIn)
    }

    @Test("with neither, the summary says where to set one and login's error stays")
    func neither() throws {
        let directory = try ConfigurationTestDirectory()
        let settings = try directory.loader(origin: .defaultLocation).load().punchplay

        #expect(settings.clientIDSource == .none)
        #expect(
            settings.clientIDSummary(configurationFile: directory.mainFile)
                == "none: set client_id under [punchplay] in \(directory.mainFile)")
        #expect(throws: MissingClientIDError(configurationFile: directory.mainFile)) {
            try settings.requireClientID(configurationFile: directory.mainFile)
        }
    }

    @Test("the client factory builds a client from the built-in client_id alone")
    func factoryUsesBuiltIn() async throws {
        let directory = try ConfigurationTestDirectory()
        let settings = PunchPlaySettings(builtInClientID: "distro-app", credentialStore: .file, deviceName: "den")
        let made = try await PunchPlayClientFactoryTests.factory(settings, in: directory).make()
        #expect(made.client.settings.clientID == "distro-app")
        await made.client.shutdown()
    }

    @Test("a built-in client_id follows the configuration's rule: non-empty, no white space")
    func validation() {
        #expect(ClientIDValidation.validated("distro-app") == "distro-app")
        #expect(ClientIDValidation.validated("") == nil)
        #expect(ClientIDValidation.validated("two words") == nil)
        #expect(ClientIDValidation.validated("tab\there") == nil)
    }
}
