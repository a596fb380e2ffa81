import Foundation

/// How far the crash worker's producer got across runs: the index of the next event to enqueue and the
/// workload's base time, written atomically after every enqueue.
struct ProducerCursor {
    let path: String

    func load(defaultBase: Int64) -> (next: Int, base: Int64) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (0, defaultBase) }
        let parts = text.split(separator: " ").compactMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard parts.count == 2 else { return (0, defaultBase) }
        return (Int(parts[0]), parts[1])
    }

    func save(next: Int, base: Int64) throws {
        try "\(next) \(base)".write(toFile: path, atomically: true, encoding: .utf8)
    }
}
