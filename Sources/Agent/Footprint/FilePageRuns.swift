/// The pages of a writable private file mapping that are still the file's own, as runs of consecutive pages,
/// read from the mapping's `/proc/self/pagemap` entries. A page read but never written is the page-cache page
/// itself; a page written to is a private copy (anonymous memory), which the runs leave out.
///
/// Why it matters: Swift marks some of its constant data writable, so the linker puts the whole `.rodata`
/// section of the binary (ICU's data included) in the writable segment. Every page of it the agent ever read
/// stays resident, and the read-only trim (``ProcessMapping/isReleasable``) must skip the segment because it
/// also holds written data.
struct FilePageRuns: Equatable, Sendable {
    /// One run: its first page's address and its length in pages.
    struct Run: Equatable, Sendable {
        var start: UInt
        var pages: Int
    }

    private(set) var runs: [Run] = []

    /// Bit 63 of a pagemap entry: the page is present in memory.
    static let presentBit: UInt64 = 1 << 63
    /// Bit 61 of a pagemap entry: the page is a file page (or shared anonymous memory), not a private copy.
    static let filePageBit: UInt64 = 1 << 61

    /// The runs of present file pages among `entries`, the pagemap entries of the pages from `start` on.
    init(entries: some Sequence<UInt64>, from start: UInt, pageSize: Int) {
        for (index, entry) in entries.enumerated()
        where entry & Self.presentBit != 0 && entry & Self.filePageBit != 0 {
            let address = start + UInt(index * pageSize)
            if let last = runs.last, last.start + UInt(last.pages * pageSize) == address {
                runs[runs.count - 1].pages += 1
            } else {
                runs.append(Run(start: address, pages: 1))
            }
        }
    }
}
