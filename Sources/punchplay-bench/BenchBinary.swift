import ArgumentParser
import Foundation
import TestSupport

/// Finds a program a benchmark runs: the one `make bench` names in an environment variable (the agent as
/// installed, the floors linked as it is), or else, where the program is a product of this package, the build
/// next to the benchmark.
enum BenchBinary {
    /// The executable `variable` names, or product `product` of this build when the variable is unset (nil: the
    /// variable is required).
    ///
    /// - Throws: `ValidationError` when the variable names no executable, or is unset with no product to fall back
    ///   on; `TestSupportError` when the product is not built.
    static func named(by variable: String, orBuilt product: String?) throws -> String {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ValidationError("\(variable)=\(path) is not an executable file.")
            }
            return path
        }
        guard let product else { throw ValidationError("\(variable) is not set: `make bench` builds it and sets it.") }
        return try BuiltBinary.existing(product)
    }
}
