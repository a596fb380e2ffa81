import TestSupport
import Testing

/// The kernel version that decides which behaviour a kernel-dependent test checks.
@Suite("reading the kernel's release")
struct KernelReleaseTests {
    @Test("a distribution's release text gives its major and minor version")
    func readsReleases() throws {
        let custom = try #require(KernelRelease("6.18.44-fc-v1272"))
        #expect(custom.major == 6 && custom.minor == 18)
        #expect(
            custom.isAtLeast(6, 7) && custom.isAtLeast(6, 18) && !custom.isAtLeast(6, 19) && !custom.isAtLeast(7, 0))
        #expect(KernelRelease("5.10.0-28-amd64").map { $0.isAtLeast(6, 7) } == false)
        #expect(KernelRelease("6.7-rc1") == KernelRelease("6.7.0"))
        #expect(KernelRelease("") == nil && KernelRelease("6") == nil && KernelRelease("linux-6.1") == nil)
    }

    @Test("the running kernel's release is read")
    func readsTheRunningKernel() throws {
        let release = try #require(KernelRelease.current)
        #expect(release.major >= 3)
    }
}
