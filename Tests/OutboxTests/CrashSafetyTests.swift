import Credentials
import Foundation
import PunchPlay
import PunchPlaySandbox
import TestSupport
import Testing

@Suite("Crash safety: the worker killed with -9 during heavy delivery", .serialized)
struct CrashSafetyTests {
    private static let sessions = 60
    private static let eventsPerSession = 40
    private static let kills = 50

    @Test("50 kills at random moments, file sink: every event once after dedupe, each session in order")
    func killNineLoopWithFileSink() async throws {
        let worker = try CrashWorker()
        let sink = worker.directory + "/sink.tsv"
        try await worker.killRepeatedly(
            Self.kills, sink: sink, sessions: Self.sessions, perSession: Self.eventsPerSession)
        let deliveredWhileKilled = try String(contentsOfFile: sink, encoding: .utf8).split(separator: "\n").count
        #expect(deliveredWhileKilled >= 300, "delivery ran while being killed")
        try await worker.finish(sink: sink, sessions: Self.sessions, perSession: Self.eventsPerSession)
        let lines = try String(contentsOfFile: sink, encoding: .utf8).split(separator: "\n")
        let deliveries = lines.map { String($0.split(separator: "\t")[0]) }
        let firsts = Self.firstOccurrences(deliveries)
        Self.verify(firsts)
        #expect(deliveries.count - firsts.count <= Self.kills, "at most one resend per kill")
    }

    @Test("50 kills at random moments against the sandbox over HTTP: every event exactly once, in order")
    func killNineLoopAgainstSandbox() async throws {
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .disabled
        try await PunchPlaySandbox.withRunning(configuration: configuration) { sandbox in
            let worker = try CrashWorker()
            let tokens = try await sandbox.issueTokens()
            let credentials = worker.directory + "/credentials/credentials.json"
            try await FileCredentialStore(path: credentials).save(
                StoredCredentials(
                    accessToken: Secret(tokens.accessToken),
                    refreshToken: Secret(tokens.refreshToken),
                    accessTokenExpiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)),
                    scopes: tokens.scopes
                )
            )
            let playback = "/api/platform/v1/playback"
            await sandbox.inject(.status(503, count: 20, pathPrefix: playback))
            await sandbox.inject(.dropConnection(count: 10, pathPrefix: playback))
            await sandbox.inject(.status(429, count: 2, pathPrefix: playback, retryAfterSeconds: 1))
            try await worker.killRepeatedly(
                Self.kills,
                sink: sandbox.baseURL.absoluteString,
                sessions: Self.sessions,
                perSession: Self.eventsPerSession,
                environment: ["OUTBOX_CRASH_CREDENTIALS": credentials]
            )
            let acceptedWhileKilled = await sandbox.acceptedEvents().count
            #expect(acceptedWhileKilled >= 300, "delivery ran while being killed")
            try await worker.finish(
                sink: sandbox.baseURL.absoluteString,
                sessions: Self.sessions,
                perSession: Self.eventsPerSession,
                environment: ["OUTBOX_CRASH_CREDENTIALS": credentials]
            )
            let accepted = await sandbox.acceptedEvents()
            #expect(accepted.allSatisfy { $0.ignoredReason == nil }, "an event arrived out of order or twice")
            let firsts = accepted.map(\.eventID)
            #expect(Set(firsts).count == firsts.count)
            Self.verify(firsts)
            let answered = await sandbox.recordedRequests(pathPrefix: playback).filter { $0.responseStatus == 200 }
            #expect(answered.count - accepted.count <= Self.kills, "at most one resend per kill")
        }
    }

    /// Each id once, in order of first delivery.
    private static func firstOccurrences(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Checks first deliveries (`crash-SESSION-STEP`): every non-`progress` step arrived, each session in order.
    private static func verify(_ firsts: [String], sessions: Int = sessions) {
        var steps: [Int: [Int]] = [:]
        for id in firsts {
            let parts = id.split(separator: "-")
            steps[Int(parts[1])!, default: []].append(Int(parts[2])!)
        }
        let required = (0..<eventsPerSession).filter { step in
            step == 0 || step == eventsPerSession - 1 || [1, 2].contains((step - 1) % 4)
        }
        for session in 0..<sessions {
            let delivered = steps[session] ?? []
            #expect(delivered == delivered.sorted(), "session \(session) out of order: \(delivered)")
            #expect(Set(required).isSubset(of: Set(delivered)), "session \(session) lost events")
        }
        #expect(firsts.count <= sessions * eventsPerSession)
    }
}

/// Runs `outbox-crash-worker` (built next to the test bundle) on a temporary outbox and cursor.
struct CrashWorker {
    let executable: String
    let directory: String

    init() throws {
        executable = BuiltBinary.path("outbox-crash-worker")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable),
            "outbox-crash-worker is missing at \(executable); build the package first (swift build)"
        )
        directory = OutboxHarness.temporaryDirectory()
    }

    /// Starts the worker `kills` times and kills each run with SIGKILL at a random moment.
    func killRepeatedly(
        _ kills: Int,
        sink: String,
        sessions: Int,
        perSession: Int,
        environment: [String: String] = [:]
    ) async throws {
        for kill in 1...kills {
            let run = try launch(sink: sink, sessions: sessions, perSession: perSession, environment: environment)
            // The kill schedule: a random moment in the run, not a wait for a condition.
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...700)))
            let wasRunning = run.isRunning
            run.send(SIGKILL)
            _ = await run.exited()
            try #require(wasRunning, "the worker finished before kill \(kill); the workload is too small")
        }
    }

    /// Lets one last run finish and expects it to report everything produced and delivered.
    func finish(sink: String, sessions: Int, perSession: Int, environment: [String: String] = [:]) async throws {
        let final = try launch(sink: sink, sessions: sessions, perSession: perSession, environment: environment)
        let status = try await withTimeout(.seconds(180)) { await final.exited() }
        #expect(status == 0)
    }

    private func launch(
        sink: String,
        sessions: Int,
        perSession: Int,
        environment: [String: String]
    ) throws -> ChildProcess {
        try ChildProcess(
            executable,
            [directory + "/outbox.sqlite", sink, directory + "/cursor", "\(sessions)", "\(perSession)", "12"],
            environment: environment,
            errors: .descriptor(STDERR_FILENO)
        )
    }
}
