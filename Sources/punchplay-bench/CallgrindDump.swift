/// The functions of one object (the agent's binary) that ran during one callgrind dump: what
/// ``CodeOrderProfile`` orders the link by. A dump lists a function (`fn=`) only when it ran since the previous
/// dump, under the object (`ob=`) it belongs to; names and objects may be compressed to a number after their
/// first mention (`fn=(12) name`, then `fn=(12)`), per the callgrind format
/// (https://valgrind.org/docs/manual/cl-format.html).
struct CallgrindDump {
    /// The functions in the order the dump first names them, each once, without callgrind's recursion suffix
    /// (`'2`).
    let functions: [String]
    /// How many stretches of code ran that have no symbol (callgrind names them by address, `0x…`): the compiler's
    /// private helpers, which an order by symbol cannot place.
    let unnamedCount: Int

    /// Reads the functions of the object whose path is `objectPath` from a dump's text.
    init(text: Substring, objectPath: String) {
        var objects: [String: String] = [:]
        var names: [String: String] = [:]
        var inObject = false
        var seen: Set<String> = []
        var functions: [String] = []
        var unnamed: Set<String> = []
        for line in text.split(separator: "\n") {
            if let object = Self.value(of: "ob=", in: line) {
                inObject = Self.resolve(object, in: &objects) == objectPath
            } else if let function = Self.value(of: "fn=", in: line) {
                let name = Self.withoutRecursionSuffix(Self.resolve(function, in: &names))
                if !inObject || name.isEmpty {
                    continue
                } else if name.hasPrefix("0x") {
                    unnamed.insert(name)
                } else if seen.insert(name).inserted {
                    functions.append(name)
                }
            } else if let callee = Self.value(of: "cfn=", in: line) {
                // A callee's name may be defined here first, and used compressed in a later `fn=`.
                _ = Self.resolve(callee, in: &names)
            } else if let object = Self.value(of: "cob=", in: line) {
                _ = Self.resolve(object, in: &objects)
            }
        }
        self.functions = functions
        self.unnamedCount = unnamed.count
    }

    private static func value(of key: String, in line: Substring) -> Substring? {
        line.hasPrefix(key) ? line.dropFirst(key.count) : nil
    }

    /// The name a possibly compressed value stands for, remembering a definition (`(id) name`).
    private static func resolve(_ value: Substring, in table: inout [String: String]) -> String {
        guard value.hasPrefix("("), let close = value.firstIndex(of: ")") else { return String(value) }
        let id = String(value[value.index(after: value.startIndex)..<close])
        let rest = value[value.index(after: close)...].drop { $0 == " " }
        if rest.isEmpty { return table[id] ?? "" }
        table[id] = String(rest)
        return String(rest)
    }

    /// `name'2` (the second level of a recursion) is the function `name`.
    private static func withoutRecursionSuffix(_ name: String) -> String {
        guard let quote = name.lastIndex(of: "'"), quote != name.startIndex else { return name }
        let level = name[name.index(after: quote)...]
        guard !level.isEmpty, level.allSatisfy(\.isNumber) else { return name }
        return String(name[..<quote])
    }
}
