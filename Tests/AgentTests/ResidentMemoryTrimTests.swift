import Foundation
import TestSupport
import Testing

@testable import Agent

#if canImport(Glibc)
    import Glibc
#endif

/// Which mappings the start-up trim may drop, read from `smaps` text, and the trim on this very test process:
/// its resident memory falls and the process (code that ran before and runs again) keeps working.
@Suite("Handing start-up memory back to the kernel", .serialized)
struct ResidentMemoryTrimTests {
    static let smaps = """
        55d0c0a00000-55d0c2a00000 r-xp 00000000 fe:01 131      /usr/bin/punchplay-mpris
        Size:              32768 kB
        Rss:               24196 kB
        Anonymous:             0 kB
        VmFlags: rd ex mr mw me
        55d0c2a00000-55d0c2b1e000 r--p 02000000 fe:01 131      /usr/bin/punchplay-mpris
        Rss:                1148 kB
        Anonymous:          1148 kB
        55d0c2b1e000-55d0c5000000 rw-p 0211e000 fe:01 131      /usr/bin/punchplay-mpris
        Rss:                3472 kB
        Anonymous:           430 kB
        55d0c6000000-55d0c6100000 rw-p 00000000 00:00 0        [heap]
        Rss:                 448 kB
        Anonymous:           448 kB
        7f00a0000000-7f00a0100000 r--p 00000000 fe:01 77       /usr/lib/locale/C.utf8/LC_CTYPE
        Rss:                 300 kB
        Anonymous:             0 kB
        7f00a1000000-7f00a1100000 r-xp 00000000 fe:01 78       /usr/lib/x86_64-linux-gnu/libc.so.6
        Rss:                1176 kB
        Anonymous:             0 kB
        7f00a1200000-7f00a1300000 r-xp 00000000 fe:01 79       /usr/lib/x86_64-linux-gnu/libtextrel.so
        Rss:                  64 kB
        Anonymous:             8 kB
        7f00a1400000-7f00a1500000 r--s 00000000 fe:01 80       /home/user/.local/state/punchplay-mpris/outbox.sqlite-shm
        Rss:                  32 kB
        Anonymous:             0 kB
        7f00a1600000-7f00a1700000 r--p 00000000 fe:01 81       /usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache
        Rss:                   0 kB
        Anonymous:             0 kB
        7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0        [stack]
        Rss:                  40 kB
        Anonymous:            40 kB
        7ffd00100000-7ffd00102000 r-xp 00000000 00:00 0        [vdso]
        Rss:                   8 kB
        Anonymous:             0 kB
        7ffd00200000-7ffd00201000 --xp 00000000 00:00 0        [vsyscall]
        THPeligible:    0
        """

    @Test("only private, read-only file mappings with no copied page are released")
    func choosesMappings() {
        let mappings = ProcessMapping.parse(smaps: Self.smaps)
        #expect(mappings.count == 12)
        #expect(mappings[0].start == 0x55d0_c0a0_0000 && mappings[0].end == 0x55d0_c2a0_0000)
        #expect(mappings[0].residentKiB == 24196 && mappings[1].anonymousKiB == 1148)
        #expect(mappings[3].path == "[heap]" && mappings[5].path == "/usr/lib/x86_64-linux-gnu/libc.so.6")
        let released = mappings.filter(\.isReleasable).map(\.path)
        #expect(
            released == [
                "/usr/bin/punchplay-mpris", "/usr/lib/locale/C.utf8/LC_CTYPE", "/usr/lib/x86_64-linux-gnu/libc.so.6",
            ]
        )
    }

    @Test("only private, writable file mappings with pages never written are searched for them")
    func choosesWritableMappings() {
        let searched = ProcessMapping.parse(smaps: Self.smaps).filter(\.hasUnwrittenFilePages)
        #expect(searched.map(\.permissions) == ["rw-p"])
        #expect(searched.map(\.path) == ["/usr/bin/punchplay-mpris"])
    }

    @Test("the never-written pages are the present file pages, in runs of neighbours")
    func findsFilePageRuns() {
        let file = FilePageRuns.presentBit | FilePageRuns.filePageBit
        let written = FilePageRuns.presentBit  // a private copy: present, not a file page
        let entries: [UInt64] = [file, file, written, 0, file, file, file, FilePageRuns.filePageBit]
        let runs = FilePageRuns(entries: entries, from: 0x10000, pageSize: 4096)
        #expect(runs.runs == [.init(start: 0x10000, pages: 2), .init(start: 0x14000, pages: 3)])
        #expect(FilePageRuns(entries: [written, 0], from: 0x10000, pageSize: 4096).runs.isEmpty)
    }

    @Test("a writable file mapping gives back the pages only read, and keeps the written page's contents")
    func pagesOutUnwrittenPages() throws {
        let pageSize = ResidentMemoryTrim.pageSize
        let pages = 32
        let path = try Self.fileBesideTheBinary(bytes: [UInt8](repeating: 0x5A, count: pages * pageSize))
        defer { unlink(path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        fsync(descriptor)  // clean page-cache pages, as the binary's are
        let mapped = mmap(nil, pages * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
        let base = try #require(mapped == MAP_FAILED ? nil : mapped)
        defer { munmap(base, pages * pageSize) }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var sum = 0
        for page in 0..<pages { sum += Int(bytes[page * pageSize]) }  // every page read: all resident
        #expect(sum == pages * 0x5A)
        bytes[3 * pageSize + 7] = 0xC3  // one page written: a private copy
        #expect(try Self.presentPages(base, pages) == pages)

        let outcome = try #require(ResidentMemoryTrim.trimCurrentProcess())
        #expect(outcome.unwrittenKiB >= (pages - 1) * pageSize / 1024)
        #expect(try Self.presentPages(base, pages) == 1)
        #expect(bytes[3 * pageSize + 7] == 0xC3)
        #expect(bytes[3 * pageSize] == 0x5A && bytes[10 * pageSize + 9] == 0x5A)
    }

    @Test("after a trim, read-only file pages come back one per page touched, not the 64 KB around each")
    func mapsBackPageByPage() throws {
        let pageSize = ResidentMemoryTrim.pageSize
        let pages = 512
        let spacing = 32  // two fault-around windows (16 pages) apart
        // Written 64 KB at a time, as `install` and package managers copy a binary: a file written in one 2 MB
        // write can sit in the page cache as one huge page, which the kernel maps whole on any fault.
        let path = try Self.fileBesideTheBinary(
            bytes: [UInt8](repeating: 0x5A, count: pages * pageSize), writtenInPiecesOf: 16 * pageSize)
        defer { unlink(path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        fsync(descriptor)
        let mapped = mmap(nil, pages * pageSize, PROT_READ, MAP_PRIVATE, descriptor, 0)
        let base = try #require(mapped == MAP_FAILED ? nil : mapped)
        defer { munmap(base, pages * pageSize) }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let touchSpacedPages = {
            var sum = 0
            for page in stride(from: 0, to: pages, by: spacing) { sum += Int(bytes[page * pageSize + 100]) }
            #expect(sum == pages / spacing * 0x5A)
        }
        let whole = (0..<pages).reduce(0) { $0 + Int(bytes[$1 * pageSize]) }  // the whole file in the page cache
        #expect(whole == pages * 0x5A)
        _ = madvise(base, pages * pageSize, MADV_DONTNEED)
        touchSpacedPages()
        let aroundEachTouch = try Self.presentPages(base, pages)
        #expect(aroundEachTouch > 2 * pages / spacing)  // the kernel's fault-around: neighbours mapped too

        let outcome = try #require(ResidentMemoryTrim.trimCurrentProcess())
        guard try #require(KernelRelease.current).isAtLeast(6, 7) else {  // userfaultfd's asynchronous write protection
            #expect(outcome.pageByPage == 0)
            return
        }
        #expect(outcome.pageByPage > 0)
        #expect(try Self.presentPages(base, pages) == 0)
        touchSpacedPages()
        #expect(try Self.presentPages(base, pages) == pages / spacing)
        #expect(bytes[pages * pageSize - 1] == 0x5A)  // and every page still reads the file
        #expect(try Self.presentPages(base, pages) == pages / spacing + 1)
    }

    @Test("freed heap blocks go back to the kernel; a block still in use keeps its contents")
    func returnsFreeHeapPages() throws {
        let pageSize = UInt(ResidentMemoryTrim.pageSize)
        let blockSize = 16 * 1024  // below glibc's mmap threshold: the blocks come from the heap
        var blocks: [UnsafeMutableRawPointer] = []
        blocks.reserveCapacity(512)
        for _ in 0..<512 {
            let block = try #require(malloc(blockSize))
            memset(block, 0x5A, blockSize)
            blocks.append(block)
        }
        let kept = try #require(malloc(blockSize))  // after the others, so the heap cannot simply shrink
        defer { free(kept) }
        memset(kept, 0xC3, blockSize)
        // The whole pages inside each block, where the allocator keeps none of its own bookkeeping.
        let insides = try blocks.map { block in
            let first = (UInt(bitPattern: block) + pageSize - 1) / pageSize * pageSize
            let pages = Int((UInt(bitPattern: block) + UInt(blockSize) - first) / pageSize)
            return (try #require(UnsafeMutableRawPointer(bitPattern: first)), pages)
        }
        let present = { try insides.reduce(0) { $0 + (try Self.presentPages($1.0, $1.1)) } }
        for block in blocks { free(block) }
        let presentBefore = try present()
        #expect(presentBefore > insides.reduce(0) { $0 + $1.1 } / 2)

        let outcome = try #require(ResidentMemoryTrim.trimCurrentProcess())
        #expect(outcome.heapReturned)
        #expect(try present() < presentBefore / 4)
        #expect(kept.load(fromByteOffset: blockSize - 1, as: UInt8.self) == 0xC3)
    }

    /// How many of the `count` pages from `base` are present, read from this process's page map.
    private static func presentPages(_ base: UnsafeMutableRawPointer, _ count: Int) throws -> Int {
        let pageMap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC)
        try #require(pageMap >= 0)
        defer { close(pageMap) }
        let entries = ResidentMemoryTrim.pageMapEntries(from: UInt(bitPattern: base), pages: count, in: pageMap)
        try #require(entries.count == count)
        return entries.filter { $0 & FilePageRuns.presentBit != 0 }.count
    }

    /// A file holding `bytes` beside this test binary, on the file system the binaries are on (not a `tmpfs`
    /// temporary directory, whose pages live in memory with nowhere to go without swap), written in one piece or
    /// in pieces of `pieceSize` bytes (the size of the page-cache folios a write makes).
    private static func fileBesideTheBinary(bytes: [UInt8], writtenInPiecesOf pieceSize: Int? = nil) throws -> String {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let path = URL(fileURLWithPath: binary).deletingLastPathComponent().path + "/trim-test-\(UUID().uuidString)"
        try Data().write(to: URL(fileURLWithPath: path))
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        let piece = max(pieceSize ?? bytes.count, 1)
        for start in stride(from: 0, to: bytes.count, by: piece) {
            try file.write(contentsOf: bytes[start..<min(start + piece, bytes.count)])
        }
        return path
    }

    @Test("a path with spaces is kept whole; a truncated or foreign line is skipped")
    func toleratesOddLines() {
        let text = """
            7f00a0000000-7f00a0100000 r--p 00000000 fe:01 77   /media/My Films/a b.mkv
            Rss:                 300 kB
            Anonymous:             0 kB
            not a mapping at all
            7f00a0100000
            Rss: many kB
            """
        let mappings = ProcessMapping.parse(smaps: text)
        #expect(mappings.map(\.path) == ["/media/My Films/a b.mkv"])
        #expect(mappings.first?.residentKiB == 300)
        #expect(ProcessMapping.parse(smaps: "").isEmpty)
    }

    @Test("trimming this process lowers its resident memory, and its code keeps running")
    func trimsThisProcess() throws {
        let before = try #require(ResidentMemoryTrim.residentKiB())
        let outcome = try #require(ResidentMemoryTrim.trimCurrentProcess())
        #expect(outcome.mappings > 0)
        #expect(outcome.residentBeforeKiB >= before / 2)
        #expect(outcome.residentAfterKiB < outcome.residentBeforeKiB)
        // Code and read-only data mapped back on use: parsing again still gives the same answer.
        #expect(ProcessMapping.parse(smaps: Self.smaps).filter(\.isReleasable).count == 3)
    }
}
