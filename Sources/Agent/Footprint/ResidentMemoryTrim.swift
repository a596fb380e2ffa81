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
/// Only mappings that ``ProcessMapping/isReleasable`` are dropped, with `madvise(MADV_DONTNEED)`: their pages
/// stay in the page cache, and code that runs again is mapped back by an ordinary minor fault. Nothing that was
/// written to (relocated data, heap, stacks) is touched, so nothing can be lost.
enum ResidentMemoryTrim {
    /// What one trim did.
    struct Outcome: Sendable, Equatable {
        /// Resident memory before and after, in KiB (`VmRSS`).
        var residentBeforeKiB: Int
        var residentAfterKiB: Int
        /// How many mappings were dropped.
        var mappings: Int
    }

    /// Trims the calling process. Returns nil when `/proc/self` cannot be read (no procfs): nothing is done.
    static func trimCurrentProcess() -> Outcome? {
        guard let before = residentKiB(), let smaps = readProcFile("/proc/self/smaps") else { return nil }
        var dropped = 0
        for mapping in ProcessMapping.parse(smaps: smaps) where mapping.isReleasable {
            guard let address = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            if madvise(address, Int(mapping.end - mapping.start), MADV_DONTNEED) == 0 { dropped += 1 }
        }
        return Outcome(residentBeforeKiB: before, residentAfterKiB: residentKiB() ?? before, mappings: dropped)
    }

    /// A trim of this process that says at debug level what it did.
    static func reporting(to logger: Logger) -> @Sendable () -> Void {
        {
            guard let outcome = trimCurrentProcess() else {
                logger.debug("no /proc/self, so memory that start-up used is left to the kernel")
                return
            }
            logger.debug(
                "returned memory to the kernel: resident \(outcome.residentBeforeKiB) KiB → \(outcome.residentAfterKiB) KiB (\(outcome.mappings) read-only file mappings)"
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
