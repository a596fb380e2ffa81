#if canImport(Glibc)
    import Glibc
#endif

/// The version of the Linux kernel the tests run on, for behaviour a kernel feature decides: a test checks the
/// feature where the kernel has it and the fallback where it does not, instead of skipping.
public struct KernelRelease: Sendable, Equatable {
    public let major: Int
    public let minor: Int

    /// Reads `uname -r`'s text, such as `6.18.44-fc-v1272`; nil unless it starts with two numbers.
    public init?(_ release: String) {
        let numbers = release.split(separator: "-", maxSplits: 1).first?.split(separator: ".").prefix(2) ?? []
        guard numbers.count == 2, let major = Int(numbers[0]), let minor = Int(numbers[1]) else { return nil }
        self.major = major
        self.minor = minor
    }

    /// The kernel this process runs on.
    public static var current: KernelRelease? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return KernelRelease(release)
    }

    /// Whether this release is `major.minor` or later.
    public func isAtLeast(_ major: Int, _ minor: Int) -> Bool {
        (self.major, self.minor) >= (major, minor)
    }
}
