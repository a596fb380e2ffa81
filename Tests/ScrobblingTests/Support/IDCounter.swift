import Synchronization

/// Deterministic ids for tests: `id-1`, `id-2`, ... in the order the core asks for them.
final class IDCounter: Sendable {
    private let next = Mutex(1)

    func makeID() -> String {
        next.withLock { value in
            defer { value += 1 }
            return "id-\(value)"
        }
    }
}
