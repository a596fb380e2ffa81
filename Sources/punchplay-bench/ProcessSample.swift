import Foundation

/// What `/proc` says about a running process at one moment: its CPU time, how often its threads were woken, and
/// its memory. Benchmarks of the agent take one sample before and one after a measured period and compare them.
struct ProcessSample: Sendable {
    /// Why a process could not be sampled (it exited, or `/proc` is not mounted).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `utime + stime` from `/proc/PID/stat`, in seconds: every thread's CPU time, also of threads that have
    /// exited, but only in whole clock ticks (10 ms at the usual 100 Hz).
    var tickCPUSeconds: Double
    /// Per live thread (by thread id): its run time from `/proc/PID/task/TID/schedstat`, in nanoseconds. Exact
    /// to the nanosecond, so it resolves an idle process's few milliseconds that the tick count rounds away.
    var threadRunNanoseconds: [Int: Double]
    /// Per live thread: its voluntary plus involuntary context switches. Each voluntary one is the thread going to
    /// sleep, so each wake-up that follows is counted once; involuntary ones are preemptions.
    var threadSwitches: [Int: Int]
    /// Resident memory now (`VmRSS`), in KiB.
    var residentKiB: Int
    /// The largest resident memory so far (`VmHWM`), in KiB.
    var peakResidentKiB: Int
    /// The anonymous part of the resident memory (`RssAnon`), in KiB.
    var anonymousKiB: Int
    /// The resident pages used since the process's accessed bits were last cleared (`Referenced` of
    /// `/proc/PID/smaps_rollup`), in KiB; nil when the kernel does not say.
    var referencedKiB: Int?
    /// The resident part of the program's own code (the executable mappings of its binary), in KiB, and the part
    /// of it used since the accessed bits were last cleared: the kernel maps code in blocks around each page run
    /// (fault-around, large page-cache folios), so the first can be several times the second.
    var codeKiB = 0
    var codeReferencedKiB = 0
    /// Whether this sample cleared the accessed bits after reading (``readStartingWorkingSet(pid:)``), so that
    /// `referencedKiB` of a later sample is what the process used in between: its working set.
    var startsWorkingSet = false

    /// Threads alive now.
    var threads: Int { threadRunNanoseconds.count }

    /// CPU time of the threads alive at `later` since this sample (threads born since count whole), in seconds.
    /// Threads that exited in between are missing: compare with the tick count.
    func threadCPUSeconds(until later: ProcessSample) -> Double {
        later.threadRunNanoseconds.reduce(0) { $0 + $1.value - (threadRunNanoseconds[$1.key] ?? 0) } / 1e9
    }

    /// Context switches of the threads alive at `later` since this sample, counted like the CPU time.
    func switches(until later: ProcessSample) -> Int {
        later.threadSwitches.reduce(0) { $0 + $1.value - (threadSwitches[$1.key] ?? 0) }
    }

    /// Reads the sample of process `pid`.
    static func read(pid: Int32) throws -> ProcessSample {
        let status = try fields(of: "/proc/\(pid)/status")
        var sample = ProcessSample(
            tickCPUSeconds: try tickCPUSeconds(pid: pid),
            threadRunNanoseconds: [:],
            threadSwitches: [:],
            residentKiB: Int(status["VmRSS"]?.split(separator: " ").first ?? "") ?? 0,
            peakResidentKiB: Int(status["VmHWM"]?.split(separator: " ").first ?? "") ?? 0,
            anonymousKiB: Int(status["RssAnon"]?.split(separator: " ").first ?? "") ?? 0,
            referencedKiB: (try? fields(of: "/proc/\(pid)/smaps_rollup"))?["Referenced"]
                .flatMap { Int($0.split(separator: " ").first ?? "") }
        )
        (sample.codeKiB, sample.codeReferencedKiB) = codeResidency(pid: pid)
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            let directory = "/proc/\(pid)/task/\(task)"
            // A thread may exit between listing and reading; it simply does not count.
            guard let id = Int(task), let taskStatus = try? fields(of: directory + "/status"),
                let schedstat = try? String(contentsOfFile: directory + "/schedstat", encoding: .utf8)
            else { continue }
            sample.threadSwitches[id] =
                (Int(taskStatus["voluntary_ctxt_switches"] ?? "") ?? 0)
                + (Int(taskStatus["nonvoluntary_ctxt_switches"] ?? "") ?? 0)
            sample.threadRunNanoseconds[id] = Double(schedstat.split(separator: " ").first ?? "") ?? 0
        }
        guard sample.threads > 0 else { throw Failure(description: "process \(pid) has no threads left") }
        return sample
    }

    /// Reads the sample of process `pid`, then clears the accessed bits of its pages (`/proc/PID/clear_refs`), so
    /// that a later sample's `referencedKiB` counts only the pages used from now on.
    static func readStartingWorkingSet(pid: Int32) throws -> ProcessSample {
        var sample = try read(pid: pid)
        do {
            try "1".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)
            sample.startsWorkingSet = true
        } catch {
            // Without the right to clear them (another user's process), the working set is not reported.
        }
        return sample
    }

    /// `Rss` and `Referenced` summed over the executable mappings of the process's own binary in
    /// `/proc/PID/smaps`, in KiB; zeros when they cannot be read.
    private static func codeResidency(pid: Int32) -> (resident: Int, referenced: Int) {
        guard let binary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"),
            let smaps = try? String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8)
        else { return (0, 0) }
        var inCode = false
        var resident = 0
        var referenced = 0
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first.contains("-"), !first.hasSuffix(":") {
                // A mapping's header: "start-end perms offset device inode path".
                inCode = fields.count >= 6 && fields[1] == "r-xp" && fields[5...].joined(separator: " ") == binary
            } else if inCode, fields.count >= 2, let kiB = Int(fields[1]) {
                if first == "Rss:" { resident += kiB }
                if first == "Referenced:" { referenced += kiB }
            }
        }
        return (resident, referenced)
    }

    /// `utime + stime` of `/proc/PID/stat` in seconds. The fields after the command name (which may contain
    /// spaces and parentheses) are counted from its closing parenthesis.
    private static func tickCPUSeconds(pid: Int32) throws -> Double {
        let path = "/proc/\(pid)/stat"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { throw Failure(description: "cannot read \(path); has process \(pid) exited?") }
        // After ")": state is field 3, utime field 14 and stime field 15 of the whole line.
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count > 12, let user = Double(rest[11]), let system = Double(rest[12]) else {
            throw Failure(description: "unexpected format of \(path)")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The `Name:\tvalue` lines of a `/proc` status file, values trimmed.
    private static func fields(of path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "cannot read \(path); has the process exited?")
        }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
