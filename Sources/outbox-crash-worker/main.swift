import Foundation

// The crash-safety worker: produces a deterministic workload into the outbox while the delivery loop sends
// it, resuming where a previous (killed) run stopped. Exits 0 once everything is produced and delivered.
let usage = "usage: outbox-crash-worker DATABASE SINK CURSOR SESSIONS EVENTS_PER_SESSION INTERVAL_MS\n"
let arguments = CommandLine.arguments
guard arguments.count == 7, let sessions = Int(arguments[4]), let perSession = Int(arguments[5]),
    let interval = Int(arguments[6])
else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
do {
    try await CrashWorker(
        database: arguments[1],
        sink: arguments[2],
        cursor: ProducerCursor(path: arguments[3]),
        sessions: sessions,
        eventsPerSession: perSession,
        interval: .milliseconds(interval)
    ).run()
    print("drained")
} catch {
    FileHandle.standardError.write(Data("outbox-crash-worker: \(error)\n".utf8))
    exit(1)
}
