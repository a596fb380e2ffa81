/// A scenario could not run or a wait ran out, with what was expected and what was seen.
struct ScenarioError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
