import Foundation

/// Where the release `punchplay-mpris` under test is: `make test` builds it and names it in
/// `PUNCHPLAY_MPRIS_RELEASE_BINARY`. Without it the suite fails and says so, rather than testing another build.
enum ReleaseBinary {
    static let environmentVariable = "PUNCHPLAY_MPRIS_RELEASE_BINARY"

    /// The path of the release binary.
    ///
    /// - Throws: `ScenarioError` telling to run `make test` when the variable is unset or names no executable.
    static func path() throws -> String {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else {
            throw ScenarioError(
                "\(environmentVariable) is not set: the release end-to-end suite tests the release binary. Run "
                    + "`make test`, which builds it (`swift build -c release --product punchplay-mpris`) and sets "
                    + "\(environmentVariable) to its path."
            )
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ScenarioError(
                "\(environmentVariable)=\(path) is not an executable file. Run `make test`, which builds the release "
                    + "binary first."
            )
        }
        return path
    }
}
