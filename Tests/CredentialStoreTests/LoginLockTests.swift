import Credentials
import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The login lock all processes share: flock on login.lock in the state directory")
struct LoginLockTests {
    @Test("Lock instances on the same file (as separate processes have) never run their work at once")
    func mutualExclusion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let overlap = OverlapRecorder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await FileLoginLock(stateDirectory: directory.path).withLock {
                        await overlap.enter()
                        for _ in 0..<50 { await Task.yield() }
                        await overlap.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await overlap.runs == 20)
        #expect(await overlap.mostAtOnce == 1)
    }

    @Test("The lock file is 0600 and the lock is free again once the work is done")
    func releasedAfterUse() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLoginLock(stateDirectory: directory.path + "/punchplay-mpris")
        let value = try await lock.withLock { 42 }
        #expect(value == 42)
        let attributes = try FileManager.default.attributesOfItem(atPath: lock.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let descriptor = open(lock.path, O_RDWR | O_CLOEXEC)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    }

    @Test("A wait for a lock another process holds ends when cancelled, without running the work")
    func cancelledWait() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLoginLock(stateDirectory: directory.path)
        _ = try await lock.withLock { 0 }
        let holder = open(lock.path, O_RDWR | O_CLOEXEC)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let ran = OverlapRecorder()
        let waiting = Task { try await lock.withLock { await ran.enter() } }
        waiting.cancel()
        let failure = await #expect(throws: PunchPlayError.self) { try await waiting.value }
        #expect(failure?.code == "login_lock")
        #expect(failure?.retryClass == .transient)
        #expect(await ran.runs == 0)
    }

    @Test(
        "Two clients with their own file store and lock on the same files write at once with an expired token: one refresh, no reuse",
        arguments: [(false, 1), (true, 20)]
    )
    func twoProcessesRace(rotate: Bool, repetitions: Int) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let stateDirectory = directory.path + "/punchplay-mpris"
        let credentialsPath = stateDirectory + "/credentials.json"
        try await SandboxHarness.run(configure: { $0.rotateRefreshTokens = rotate }) { harness in
            for repetition in 0..<repetitions {
                try await FileCredentialStore(path: credentialsPath).save(
                    try await harness.newLogin(expiredLocally: true))
                let clients = (0..<2).map { _ in
                    harness.makeClient(
                        store: FileCredentialStore(path: credentialsPath),
                        lock: FileLoginLock(stateDirectory: stateDirectory)
                    )
                }
                let writes = await withTaskGroup(of: Result<PlaybackReceipt, PunchPlayError>.self) { group in
                    for (index, client) in clients.enumerated() {
                        let event = Self.start(session: "race-\(repetition)-\(index)")
                        group.addTask {
                            do throws(PunchPlayError) { return .success(try await client.send(event)) } catch {
                                return .failure(error)
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                for client in clients { await client.shutdown() }
                let receipts = try writes.map { try $0.get() }
                #expect(receipts.count == 2 && receipts.allSatisfy(\.ok))
                let statistics = await harness.sandbox.refreshStatistics()
                #expect(statistics == RefreshStatistics(refreshes: repetition + 1, reuseDetections: 0))
            }
        }
    }

    private static func start(session: String) -> PlaybackEvent {
        var payload = PlaybackPayload(
            mediaType: "movie",
            title: "Arrival",
            playbackSessionID: session,
            eventID: session + "-start",
            eventCreatedAt: Int64(Date().timeIntervalSince1970 * 1000)
        )
        payload.year = 2016
        payload.progress = 0.1
        payload.positionSeconds = 700
        payload.durationSeconds = 6_960
        return PlaybackEvent(action: .start, payload: payload)
    }
}

/// Counts how many pieces of locked work ran and how many ran at the same time.
private actor OverlapRecorder {
    private(set) var runs = 0
    private(set) var mostAtOnce = 0
    private var inside = 0

    func enter() {
        runs += 1
        inside += 1
        mostAtOnce = max(mostAtOnce, inside)
    }

    func leave() {
        inside -= 1
    }
}
