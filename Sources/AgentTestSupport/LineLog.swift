/// Every line the agent printed, for checks after the fact (decisions, no secrets).
actor LineLog {
    private(set) var all: [String] = []

    func append(_ line: String) {
        all.append(line)
    }
}
