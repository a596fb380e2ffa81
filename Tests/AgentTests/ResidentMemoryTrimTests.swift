import Testing

@testable import Agent

/// Which mappings the start-up trim may drop, read from `smaps` text, and the trim on this very test process:
/// its resident memory falls and the process (code that ran before and runs again) keeps working.
@Suite("Handing start-up memory back to the kernel")
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
