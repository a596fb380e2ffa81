import Foundation

/// Where tests and the benchmark find the executables this package builds: next to the running test or
/// benchmark binary (`.build/debug` under `swift test`, `.build/release` for a release benchmark), or, for the
/// release `punchplay-mpris` the release end-to-end suite tests, where `PUNCHPLAY_MPRIS_RELEASE_BINARY` says.
public enum BuiltBinary {
    /// The variable `make test` sets to the release `punchplay-mpris` it built.
    public static let releaseEnvironmentVariable = "PUNCHPLAY_MPRIS_RELEASE_BINARY"

    /// The build products directory holding the running binary.
    public static var productsDirectory: String {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: running).deletingLastPathComponent().path
    }

    /// The path of product `name` in ``productsDirectory``, built or not.
    public static func path(_ name: String) -> String {
        productsDirectory + "/" + name
    }

    /// The path of product `name` in ``productsDirectory``.
    ///
    /// - Throws: `TestSupportError` saying how to build it when it is not there.
    public static func existing(_ name: String) throws -> String {
        let path = path(name)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestSupportError(
                "\(path) is missing: build it first (`swift build --product \(name)`, with `-c release` for a "
                    + "release build)"
            )
        }
        return path
    }

    /// The release `punchplay-mpris` named by ``releaseEnvironmentVariable``. Without it the caller fails and
    /// says so, rather than testing another build.
    ///
    /// - Throws: `TestSupportError` telling to run `make test` when the variable is unset or names no executable.
    public static func release() throws -> String {
        let variable = releaseEnvironmentVariable
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else {
            throw TestSupportError(
                "\(variable) is not set: the release end-to-end suite tests the release binary. Run "
                    + "`make test`, which builds it (`swift build -c release --product punchplay-mpris`) and sets "
                    + "\(variable) to its path."
            )
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestSupportError(
                "\(variable)=\(path) is not an executable file. Run `make test`, which builds the release "
                    + "binary first."
            )
        }
        return path
    }
}
