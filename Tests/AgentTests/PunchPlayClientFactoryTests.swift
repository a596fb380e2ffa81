import PunchPlay
import Testing

@testable import Agent

/// The one way every process builds its PunchPlay client: what it needs from the configuration and where the
/// credential store lives.
@Suite("PunchPlay client factory")
struct PunchPlayClientFactoryTests {
    static func factory(_ settings: PunchPlaySettings, in directory: ConfigurationTestDirectory)
        -> PunchPlayClientFactory
    {
        PunchPlayClientFactory(
            settings: settings,
            configurationFile: directory.mainFile,
            directories: XDGDirectories(configHome: directory.path + "/config", stateHome: directory.path + "/state")
        )
    }

    @Test("without a client_id it says where to add one")
    func missingClientID() async throws {
        let directory = try ConfigurationTestDirectory()
        let factory = Self.factory(PunchPlaySettings(deviceName: "den"), in: directory)
        let error = await #expect(throws: PunchPlayClientSetupError.self) { try await factory.make() }
        guard case .configuration = error else {
            Issue.record("expected a configuration error, got \(String(describing: error))")
            return
        }
        #expect(error?.description == MissingClientIDError(configurationFile: directory.mainFile).description)
    }

    @Test("credential_store = \"file\" keeps the login in the state directory")
    func fileStore() async throws {
        let directory = try ConfigurationTestDirectory()
        let settings = PunchPlaySettings(clientID: "app", credentialStore: .file, deviceName: "den")
        let made = try await Self.factory(settings, in: directory).make(deviceID: "device-1")
        #expect(made.store.displayName == "file \(directory.path)/state/punchplay-mpris/credentials.json")
        await made.client.shutdown()
    }
}
