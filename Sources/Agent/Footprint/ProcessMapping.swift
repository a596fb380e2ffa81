/// One mapping of the agent's address space as `/proc/self/smaps` describes it, with what decides whether its
/// pages can be handed back to the kernel without losing anything: the permissions, the file behind it and
/// how much of it is private copies (`Anonymous`) rather than the file's own pages.
struct ProcessMapping: Equatable, Sendable {
    var start: UInt
    var end: UInt
    /// `r`, `w`, `x` and `p` (private) or `s` (shared), as in `r-xp`.
    var permissions: String
    /// The file behind the mapping, or a pseudo-name such as `[heap]`, or empty for anonymous memory.
    var path: String
    /// Resident pages, in KiB.
    var residentKiB: Int
    /// Pages copied on write (relocated data, written-to private pages), in KiB.
    var anonymousKiB: Int

    /// Whether dropping the resident pages loses nothing: a private mapping of a file, never writable, none of
    /// whose pages were copied on write. Its resident pages are then exactly the file's pages in the page
    /// cache, and touching them again maps them back. Code and read-only data of the binary and the libraries
    /// qualify; relocated (RELRO) segments, heaps and stacks never do.
    var isReleasable: Bool {
        path.hasPrefix("/") && permissions.count == 4 && permissions.hasPrefix("r") && !permissions.contains("w")
            && permissions.hasSuffix("p") && anonymousKiB == 0 && residentKiB > 0 && end > start
    }

    /// Whether the mapping is a private, writable mapping of a file some of whose resident pages were never
    /// written (more resident than copied): the binary's writable segment, which holds `.rodata` (see
    /// ``FilePageRuns``). Those pages can be handed back only one by one, and only with `MADV_PAGEOUT`, which
    /// keeps a page written meanwhile instead of discarding it.
    var hasUnwrittenFilePages: Bool {
        path.hasPrefix("/") && permissions.count == 4 && permissions.hasPrefix("rw") && permissions.hasSuffix("p")
            && residentKiB > anonymousKiB && end > start
    }

    /// The mappings listed in `smaps`, in order. Lines that do not parse are skipped: the kernel's format
    /// only ever adds fields.
    static func parse(smaps: String) -> [ProcessMapping] {
        var mappings: [ProcessMapping] = []
        for line in smaps.split(separator: "\n", omittingEmptySubsequences: true) {
            if let header = header(line) {
                mappings.append(header)
            } else if !mappings.isEmpty, let (field, kib) = field(line) {
                switch field {
                case "Rss": mappings[mappings.count - 1].residentKiB = kib
                case "Anonymous": mappings[mappings.count - 1].anonymousKiB = kib
                default: break
                }
            }
        }
        return mappings
    }

    /// `7f..-7f.. r-xp 00000000 fe:01 1234   /usr/lib/libc.so.6`: an address range first.
    private static func header(_ line: Substring) -> ProcessMapping? {
        let parts = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard parts.count >= 5 else { return nil }
        let range = parts[0].split(separator: "-")
        guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16) else {
            return nil
        }
        let path = parts.count == 6 ? String(parts[5].drop(while: { $0 == " " })) : ""
        return ProcessMapping(
            start: start,
            end: end,
            permissions: String(parts[1]),
            path: path,
            residentKiB: 0,
            anonymousKiB: 0
        )
    }

    /// `Rss:     1234 kB`.
    private static func field(_ line: Substring) -> (Substring, Int)? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2] == "kB", parts[0].hasSuffix(":"), let kib = Int(parts[1]) else { return nil }
        return (parts[0].dropLast(), kib)
    }
}
