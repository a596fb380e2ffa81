/// The last lines a benchmarked agent printed, kept so that an agent that fails to start is reported with what
/// it said rather than only with "it exited".
actor AgentOutputTail {
    private var lines: [String] = []
    private let limit: Int

    init(limit: Int = 20) {
        self.limit = limit
    }

    func append(_ line: String) {
        lines.append(line)
        if lines.count > limit { lines.removeFirst(lines.count - limit) }
    }

    /// The kept lines, oldest first, one per line.
    var text: String { lines.joined(separator: "\n") }
}
