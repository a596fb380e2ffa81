/// Finds the known key a misspelt one was probably meant to be, for "did you mean" hints.
enum KeySuggestion {
    /// The candidate closest to `key` by edit distance, when it is close enough to be a typo, or the candidate
    /// that `key` abbreviates (`progress_interval` → `progress_interval_seconds`).
    static func closest(to key: String, among candidates: [String]) -> String? {
        let lowered = key.lowercased()
        if lowered.count >= 4, let extended = candidates.first(where: { $0.hasPrefix(lowered) }) {
            return extended
        }
        let scored = candidates.map { (candidate: $0, distance: editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let tolerance = max(2, key.count / 3)
        return best.distance <= tolerance ? best.candidate : nil
    }

    /// Levenshtein distance between two strings, by characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
