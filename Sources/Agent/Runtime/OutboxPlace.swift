import Foundation
import Outbox

/// Where this run keeps its outbox: the user's state directory, or a temporary directory for a dry run
/// (removed when the run ends) so trying the agent never mixes printed events into the real queue.
struct OutboxPlace {
    let path: String
    private let temporaryDirectory: String?

    init(dryRun: Bool, environment: [String: String]) throws(RuntimeError) {
        guard dryRun else {
            path = OutboxLocation.defaultPath(environment: environment)
            temporaryDirectory = nil
            return
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("punchplay-mpris-dry-run-\(UUID().uuidString.lowercased())").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError("cannot create a temporary directory for the dry run: \(error.localizedDescription)")
        }
        path = directory + "/outbox.sqlite"
        temporaryDirectory = directory
    }

    func removeIfTemporary() {
        guard let temporaryDirectory else { return }
        try? FileManager.default.removeItem(atPath: temporaryDirectory)
    }
}
