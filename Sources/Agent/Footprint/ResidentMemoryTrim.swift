import CMalloc
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Hands back to the kernel the memory a burst of work touched and the agent no longer uses: the pages of its
/// own binary and of the libraries that start-up or a session's start mapped (parsing the configuration and the
/// command line, opening the outbox, connecting, identifying; with a warm page cache the kernel maps 64 KB
/// around each page touched).
///
/// Mappings that ``ProcessMapping/isReleasable`` (code, read-only data) are dropped whole with
/// `madvise(MADV_DONTNEED)`: their pages stay in the page cache, and code that runs again is mapped back by an
/// ordinary minor fault, one page per page touched where the kernel allows it (``PageByPageCode``). In writable
/// file mappings that ``ProcessMapping/hasUnwrittenFilePages`` (the binary's `.rodata`), the pages never written
/// are asked back with `MADV_PAGEOUT`, which leaves them to the kernel's reclaim and never discards a written
/// page. The heap's free memory goes back with `malloc_trim`, which hands the kernel the whole pages inside free
/// blocks (a flood of signals leaves megabytes of them). Nothing that was written to and is still in use
/// (relocated data, live heap blocks, stacks) is dropped, so nothing can be lost.
enum ResidentMemoryTrim {
    /// What one trim did.
    struct Outcome: Sendable, Equatable {
        /// Resident memory before and after, in KiB (`VmRSS`).
        var residentBeforeKiB: Int
        var residentAfterKiB: Int
        /// How many mappings were dropped.
        var mappings: Int
        /// How many of them now fault back one page at a time (``PageByPageCode``).
        var pageByPage: Int
        /// How many never-written pages of writable file mappings were asked back, in KiB.
        var unwrittenKiB: Int
        /// Whether the heap had free pages to hand back.
        var heapReturned: Bool
    }

    /// Trims the calling process. Returns nil when `/proc/self` cannot be read (no procfs): nothing is done.
    static func trimCurrentProcess() -> Outcome? {
        guard let before = residentKiB(), let smaps = readProcFile("/proc/self/smaps") else { return nil }
        let heapReturned = malloc_trim(0) == 1
        let pageMap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC)
        defer { if pageMap >= 0 { close(pageMap) } }
        var dropped = 0
        var pageByPage = 0
        var unwrittenPages = 0
        for mapping in ProcessMapping.parse(smaps: smaps) {
            if mapping.isReleasable {
                guard let address = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
                if PageByPageCode.register(mapping) { pageByPage += 1 }
                if madvise(address, Int(mapping.end - mapping.start), MADV_DONTNEED) == 0 { dropped += 1 }
            } else if mapping.hasUnwrittenFilePages, pageMap >= 0 {
                unwrittenPages += pageOutUnwrittenPages(of: mapping, pageMap: pageMap)
            }
        }
        return Outcome(
            residentBeforeKiB: before,
            residentAfterKiB: residentKiB() ?? before,
            mappings: dropped,
            pageByPage: pageByPage,
            unwrittenKiB: unwrittenPages * pageSize / 1024,
            heapReturned: heapReturned
        )
    }

    /// Asks back the pages of `mapping` that are still the file's own (``FilePageRuns``) with `MADV_PAGEOUT`
    /// (Linux 5.4; older kernels refuse it and nothing happens). Unlike `MADV_DONTNEED` it never discards a
    /// page's contents, so a page written between reading the page map and the call is kept. Returns how many
    /// pages were asked back.
    private static func pageOutUnwrittenPages(of mapping: ProcessMapping, pageMap: Int32) -> Int {
        let entries = pageMapEntries(
            from: mapping.start, pages: Int(mapping.end - mapping.start) / pageSize, in: pageMap)
        let runs = FilePageRuns(entries: entries, from: mapping.start, pageSize: pageSize)
        var pagedOut = 0
        for run in runs.runs {
            guard let address = UnsafeMutableRawPointer(bitPattern: run.start) else { continue }
            if madvise(address, run.pages * pageSize, MADV_PAGEOUT) == 0 { pagedOut += run.pages }
        }
        return pagedOut
    }

    /// The page-map entries (`/proc/self/pagemap`, open as `pageMap`) of `pages` pages from `start`: as many as
    /// could be read.
    static func pageMapEntries(from start: UInt, pages: Int, in pageMap: Int32) -> [UInt64] {
        var entries = [UInt64](repeating: 0, count: pages)
        let offset = off_t(start / UInt(pageSize) * UInt(MemoryLayout<UInt64>.size))
        let bytes = entries.withUnsafeMutableBytes { pread(pageMap, $0.baseAddress, $0.count, offset) }
        return Array(entries.prefix(max(bytes, 0) / MemoryLayout<UInt64>.size))
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// A trim of this process that says at debug level what it did.
    static func reporting(to logger: Logger) -> @Sendable () -> Void {
        {
            guard let outcome = trimCurrentProcess() else {
                logger.debug("no /proc/self, so memory that start-up used is left to the kernel")
                return
            }
            logger.debug(
                "returned memory to the kernel: resident \(outcome.residentBeforeKiB) KiB → \(outcome.residentAfterKiB) KiB (\(outcome.mappings) read-only file mappings, \(outcome.pageByPage) of them now mapped back a page at a time, \(outcome.unwrittenKiB) KiB of never-written file pages, \(outcome.heapReturned ? "free heap pages" : "no free heap pages"))"
            )
        }
    }

    /// `VmRSS` of this process, in KiB.
    static func residentKiB() -> Int? {
        guard let status = readProcFile("/proc/self/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// The whole text of a `/proc` file. procfs reports a size of 0 and hands its text out a page at a time, so
    /// it is read until end of file rather than by its size.
    private static func readProcFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
