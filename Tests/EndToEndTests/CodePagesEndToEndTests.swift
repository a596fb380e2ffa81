import AgentTestSupport
import Foundation
import TestSupport
import Testing

/// After its first memory trim, the running agent's code comes back one page per page it runs
/// (`PageByPageCode`): the kernel shows the registration that switches fault-around off as the `uw` flag (userfaultfd
/// write protection) of the mapping in `/proc/PID/smaps`. Checked on the built agent, which trims on its own clock.
@Suite("punchplay-mpris run maps its code back a page at a time", .serialized, .timeLimit(.minutes(2)))
struct CodePagesEndToEndTests {
    @Test("after the start-up trim, the agent's code is registered, and the debug log says so")
    func codeRegisteredAfterTrim() async throws {
        try await RunEndToEndTests.withAgentBesidePlayingFilm(["run", "--debug"]) { _, _, agent in
            let line = try await agent.waitForLine(
                containing: "returned memory to the kernel", timeout: .seconds(40))
            let pid = agent.process.pid
            let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
            let smaps = try String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8)
            let codeFlags = Self.vmFlags(in: smaps, path: binary, permissions: "r-xp")
            try #require(!codeFlags.isEmpty, "no code mapping of \(binary) in:\n\(smaps)")
            if try #require(KernelRelease.current).isAtLeast(6, 7) {
                // Fails too where a seccomp filter (a container's default profile) forbids userfaultfd.
                #expect(codeFlags.allSatisfy { $0.contains("uw") }, "\(codeFlags)")
                #expect(!line.contains(" 0 of them now mapped back a page at a time"), "\(line)")
            } else {
                #expect(!codeFlags.contains { $0.contains("uw") }, "\(codeFlags)")
                #expect(line.contains(" 0 of them now mapped back a page at a time"), "\(line)")
            }
            #expect(await agent.terminate() == 0)
        }
    }

    /// The `VmFlags` words of each mapping in `smaps` of the file at `path` with `permissions`.
    static func vmFlags(in smaps: String, path: String, permissions: String) -> [[Substring]] {
        var flags: [[Substring]] = []
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count == 6, words[0].contains("-"), !words[0].hasSuffix(":") {
                inMapping = words[1] == permissions && words[5] == path
            } else if inMapping, words.first == "VmFlags:" {
                flags.append(Array(words.dropFirst()))
                inMapping = false
            }
        }
        return flags
    }
}
