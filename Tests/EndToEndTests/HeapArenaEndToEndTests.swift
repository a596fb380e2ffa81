import AgentTestSupport
import BusTestSupport
import Foundation
import TestSupport
import Testing

/// The running agent keeps its heap in glibc's main arena (`HeapArenaLimit`, set by `main` before any thread
/// starts): the threads it starts (libdispatch's workers, the bus connections' reading threads, the HTTP client's
/// event loops) share it instead of each taking an arena of its own, which would keep what that thread freed.
/// Checked on the agent's own process, from its memory map, because glibc fixes a process's arena limit once it
/// has more than eight arenas: only a process that sets the limit early, as the agent does, shows what the limit
/// does.
@Suite("punchplay-mpris run keeps one malloc arena", .serialized, .timeLimit(.minutes(2)))
struct HeapArenaEndToEndTests {
    /// glibc reserves every arena but the main one as a 64 MiB region aligned to its size (`HEAP_MAX_SIZE`).
    static let arenaHeapSize = 64 << 20

    @Test("while a film is reported, no thread has an arena of its own")
    func oneArenaWhilePlaying() async throws {
        try await RunEndToEndTests.withAgentBesidePlayingFilm { _, sandbox, agent in
            _ = try await sandbox.waitForRequests(pathPrefix: RunEndToEndTests.playback, count: 1, timeout: 20)
            let maps = try String(contentsOfFile: "/proc/\(agent.process.pid)/maps", encoding: .utf8)
            #expect(Self.arenaHeaps(in: maps) == 0, "\(maps)")
            #expect(Self.threads(of: agent.process.pid) > 2, "the agent runs several threads meanwhile")
            _ = await agent.terminate()
        }
    }

    @Test("the map reading finds the arenas glibc gives threads in a process with no limit, such as this one")
    func arenasAreFoundWhereTheyAre() throws {
        let threads = 4
        let allocated = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<threads {
            Thread.detachNewThread {
                let block = malloc(4096)
                if let block { memset(block, 1, 4096) }
                allocated.signal()
                release.wait()  // every thread holds its block, and so its arena, while the map is read
                free(block)
            }
        }
        for _ in 0..<threads { allocated.wait() }
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        for _ in 0..<threads { release.signal() }
        #expect(Self.arenaHeaps(in: maps) > 0)
    }

    /// The anonymous regions of `maps` that are arena heaps: read-write from a 64 MiB boundary, the rest of the
    /// 64 MiB reserved without access (or all of it in use).
    static func arenaHeaps(in maps: String) -> Int {
        let regions = maps.split(separator: "\n").compactMap(Region.init)
        var count = 0
        for (index, region) in regions.enumerated()
        where region.isAnonymous && region.permissions == "rw-p" && region.start % arenaHeapSize == 0 {
            if region.end - region.start == arenaHeapSize {
                count += 1
            } else if index + 1 < regions.count {
                let rest = regions[index + 1]
                if rest.isAnonymous, rest.permissions == "---p", rest.start == region.end,
                    rest.end == region.start + arenaHeapSize
                {
                    count += 1
                }
            }
        }
        return count
    }

    static func threads(of pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task").count) ?? 0
    }

    /// One line of `/proc/PID/maps`.
    struct Region {
        let start: Int
        let end: Int
        let permissions: Substring
        let isAnonymous: Bool

        init?(_ line: Substring) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let bounds = fields.first?.split(separator: "-") ?? []
            guard fields.count >= 5, bounds.count == 2, let start = Int(bounds[0], radix: 16),
                let end = Int(bounds[1], radix: 16)
            else { return nil }
            self.start = start
            self.end = end
            permissions = fields[1]
            isAnonymous = fields.count == 5
        }
    }
}
