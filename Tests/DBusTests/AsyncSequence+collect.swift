extension AsyncSequence where Self: Sendable, Element: Sendable {
    /// The first `limit` elements (or all of them, if the sequence ends first).
    func collect(_ limit: Int = .max) async throws -> [Element] {
        var elements: [Element] = []
        guard limit > 0 else { return elements }
        for try await element in self {
            elements.append(element)
            if elements.count == limit { break }
        }
        return elements
    }
}
