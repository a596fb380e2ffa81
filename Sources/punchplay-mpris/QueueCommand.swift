import Agent
import ArgumentParser
import Foundation
import Outbox

/// `punchplay-mpris queue`: what waits in the outbox and what PunchPlay refused, and the two user actions
/// on it (`retry` the dead letters, `purge` everything). While the agent runs, the actions on its outbox go
/// through it, so it sees the change at once.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Show, retry or purge the events waiting to be sent to PunchPlay.",
        subcommands: [Show.self, Retry.self, Purge.self],
        defaultSubcommand: Show.self
    )

    /// The database option the three subcommands share.
    struct DatabaseOption: ParsableArguments {
        @Option(
            name: .long,
            help: ArgumentHelp(
                "The outbox database (default: $XDG_STATE_HOME/punchplay-mpris/outbox.sqlite).",
                discussion: "Also settable with \(OutboxLocation.environmentVariable).",
                valueName: "path"
            ),
            completion: .file(extensions: ["sqlite"])
        )
        var database: String?

        var path: String { database ?? OutboxLocation.defaultPath() }

        var exists: Bool { FileManager.default.fileExists(atPath: path) }

        /// Runs `body` with the running agent when the command works on the default outbox (the agent's); nil
        /// when no agent runs or `--database` names another file.
        func withRunningAgent<Value>(_ body: (AgentBusClient) async throws -> Value) async throws -> Value? {
            guard database == nil else { return nil }
            return try await AgentBusClient.withRunningAgent(body)
        }

        /// Opens the outbox, reporting a recovered corrupt file on standard error.
        func open() throws -> OutboxStore {
            do {
                let store = try OutboxStore(path: path)
                if let recovery = store.recovery { printError(recovery.message) }
                return store
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
    }

    /// `queue [show] [--json]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "List pending events per session, dead letters, the next attempt and the last error."
        )

        @OptionGroup var options: DatabaseOption

        @Flag(name: .long, help: "Print JSON (times in milliseconds since 1970).")
        var json = false

        func run() async throws {
            let report: QueueReport
            if options.exists {
                let store = try options.open()
                do {
                    report = QueueReport(database: options.path, snapshot: try await store.snapshot())
                } catch {
                    printError(error.description)
                    throw ExitCode.failure
                }
            } else {
                report = QueueReport(database: options.path, snapshot: nil)
            }
            print(json ? try report.json() : report.text)
        }
    }

    /// `queue retry [EVENT_ID...]`.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Put dead letters back into the queue (all of them, or the given event ids)."
        )

        @OptionGroup var options: DatabaseOption

        @Argument(help: "Event ids to retry (default: every dead letter).")
        var eventIDs: [String] = []

        func run() async throws {
            let movedByAgent: Int?
            do {
                movedByAgent = try await options.withRunningAgent { try await $0.retryDeadLetters(eventIDs: eventIDs) }
            } catch {
                printError("The agent could not retry: \(error)")
                throw ExitCode.failure
            }
            if let moved = movedByAgent {
                print(
                    moved == 0
                        ? "No matching dead letters."
                        : "Moved \(moved) dead letter\(moved == 1 ? "" : "s") back into the queue; "
                            + "the agent is sending \(moved == 1 ? "it" : "them") now."
                )
                return
            }
            guard options.exists else {
                print("Nothing to retry: there is no outbox at \(options.path).")
                return
            }
            let store = try options.open()
            do {
                let moved = try await store.retryDeadLetters(eventIDs: eventIDs.isEmpty ? nil : eventIDs)
                print(
                    moved == 0
                        ? "No matching dead letters."
                        : "Moved \(moved) dead letter\(moved == 1 ? "" : "s") back into the queue; "
                            + "\(moved == 1 ? "it is" : "they are") sent when the agent starts."
                )
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
    }

    /// `queue purge [--yes] [--dead-letters-only]`.
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete the pending events and dead letters; they will never be sent."
        )

        @OptionGroup var options: DatabaseOption

        @Flag(name: .long, help: "Do not ask for confirmation.")
        var yes = false

        @Flag(name: .long, help: "Delete only the dead letters and keep the pending events.")
        var deadLettersOnly = false

        func run() async throws {
            let purgedByAgent: Void?
            do {
                purgedByAgent = try await options.withRunningAgent { try await purge(through: $0) }
            } catch {
                printError("The agent could not purge: \(error)")
                throw ExitCode.failure
            }
            if purgedByAgent != nil { return }
            guard options.exists else {
                print("Nothing to purge: there is no outbox at \(options.path).")
                return
            }
            let store = try options.open()
            do {
                let snapshot = try await store.snapshot()
                guard confirmed(pending: snapshot.pendingCount, deadLetters: snapshot.deadLetters.count) else { return }
                let deleted = try await store.purge(deadLettersOnly: deadLettersOnly)
                print("Deleted \(deleted.events) pending events and \(deleted.deadLetters) dead letters.")
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }

        /// Purges the running agent's queue, so the agent sees the change at once.
        private func purge(through agent: AgentBusClient) async throws {
            let queue = try await agent.status().queue
            guard confirmed(pending: queue.pending, deadLetters: queue.deadLetters) else { return }
            let deleted = try await agent.purgeQueue(deadLettersOnly: deadLettersOnly)
            print("Deleted \(deleted.events) pending events and \(deleted.deadLetters) dead letters.")
        }

        /// Whether to go ahead: something to delete, and `--yes` or the user said so.
        private func confirmed(pending allPending: Int, deadLetters: Int) -> Bool {
            let pending = deadLettersOnly ? 0 : allPending
            guard pending + deadLetters > 0 else {
                print("The outbox is already empty.")
                return false
            }
            let question =
                "Delete \(pending) pending event\(pending == 1 ? "" : "s") and \(deadLetters) dead letter"
                + "\(deadLetters == 1 ? "" : "s")? They will never be sent to PunchPlay."
            guard yes || confirm(question) else {
                print("Nothing deleted.")
                return false
            }
            return true
        }

        /// Asks on the terminal; without one (a script) the answer is no and `--yes` is suggested.
        private func confirm(_ question: String) -> Bool {
            guard isatty(STDIN_FILENO) == 1 else {
                printError("\(question) Not deleting without a terminal to ask on; pass --yes.")
                return false
            }
            print("\(question) [y/N] ", terminator: "")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            return answer == "y" || answer == "yes"
        }
    }
}

private func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
