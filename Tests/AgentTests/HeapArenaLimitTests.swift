import CMalloc
import Foundation
import Testing

@testable import Agent

#if canImport(Glibc)
    import Glibc
#endif

/// The agent's heap stays in the arenas it has: threads started after the limit share them instead of each
/// taking one of its own (glibc's default allows sixteen on two cores).
@Suite("One malloc arena for the agent's heap")
struct HeapArenaLimitTests {
    @Test("threads that start after the limit allocate without adding an arena")
    func threadsShareTheArenas() throws {
        HeapArenaLimit.apply()
        let before = try Self.arenaCount()
        let threads = 8
        let allAllocated = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            Thread.detachNewThread {
                let block = malloc(4096)
                if let block { memset(block, 1, 4096) }
                allAllocated.signal()
                release.wait()  // every thread holds its block at the same time
                free(block)
                finished.leave()
            }
        }
        for _ in 0..<threads { allAllocated.wait() }
        let during = try Self.arenaCount()
        for _ in 0..<threads { release.signal() }
        finished.wait()
        #expect(before >= 1)
        #expect(during == before)
    }

    /// How many arenas this process's heap has, from glibc's own report (`malloc_info`).
    static func arenaCount() throws -> Int {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        let stream = try #require(open_memstream(&buffer, &size))
        #expect(malloc_info(0, stream) == 0)
        fclose(stream)
        let text = buffer.map { String(cString: $0) } ?? ""
        free(buffer)
        return text.components(separatedBy: "<heap nr=").count - 1
    }
}
