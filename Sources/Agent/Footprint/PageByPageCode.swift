import CUserFault

#if canImport(Glibc)
    import Glibc
#endif

/// Makes the kernel map the agent's code back one page per page touched, instead of the 64 KB around it.
///
/// On a page fault in a file mapping the kernel also maps the neighbouring pages already in the page cache
/// (fault-around), so each page of code a `progress` runs costs up to 64 KB of resident memory: the playing
/// agent's code is about three times what it runs. The kernel skips fault-around for a mapping registered for
/// userfaultfd write protection. Registered with the asynchronous mode (Linux 6.7), the kernel resolves write
/// faults itself and never hands one to the agent; and code and read-only data are never written. So the only
/// effect of the registration is that these mappings fault one page at a time. A kernel without it, or a
/// system that refuses userfaultfd, leaves fault-around as it was; nothing else changes.
enum PageByPageCode {
    /// The descriptor that holds the registrations, opened on first use and kept open for the life of the
    /// process (closing it would end them); nil when the kernel offers no asynchronous write protection.
    private static let descriptor: Int32? = {
        let descriptor = punchplay_userfault_open_async()
        return descriptor >= 0 ? descriptor : nil
    }()

    /// Registers `mapping` (a read-only file mapping, ``ProcessMapping/isReleasable``). Returns whether the
    /// kernel took it; registering a mapping again is harmless.
    static func register(_ mapping: ProcessMapping) -> Bool {
        guard let descriptor, mapping.isReleasable else { return false }
        return punchplay_userfault_register_write_protect(descriptor, mapping.start, mapping.end - mapping.start) == 0
    }
}
