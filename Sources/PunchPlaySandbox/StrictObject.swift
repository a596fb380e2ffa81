import Foundation

/// A JSON request body checked against a fixed set of field names, with typed accessors that reject
/// values of the wrong type.
///
/// The sandbox is strict on purpose: the client must send exactly the contract, so an unknown field, a string
/// where a number belongs or a body that is not a JSON object is a 400 `invalid_request` naming the field.
/// A `null` value counts as an absent field.
struct StrictObject {
    private let fields: [String: JSONValue]

    init(json data: Data, allowedFields: Set<String>) throws(SandboxAPIError) {
        guard let value = JSONValue.parse(data) else {
            throw .invalidRequest("The request body is not valid JSON.")
        }
        guard case .object(let fields) = value else {
            throw .invalidRequest("The request body must be a JSON object, not \(value.typeName).")
        }
        try self.init(fields: fields, allowedFields: allowedFields)
    }

    init(fields: [String: JSONValue], allowedFields: Set<String>) throws(SandboxAPIError) {
        let unknown = fields.keys.filter { !allowedFields.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .invalidRequest("Unknown field(s): \(unknown.joined(separator: ", ")).")
        }
        self.fields = fields.filter { $0.value != .null }
    }

    func string(_ name: String) throws(SandboxAPIError) -> String? {
        guard let value = fields[name] else { return nil }
        guard case .string(let string) = value else { throw Self.wrongType(name, "a string", value) }
        return string
    }

    func requiredString(_ name: String) throws(SandboxAPIError) -> String {
        guard let string = try string(name) else { throw .invalidRequest("Missing required field \(name).") }
        guard !string.isEmpty else { throw .invalidRequest("Field \(name) must not be empty.") }
        return string
    }

    func integer(_ name: String) throws(SandboxAPIError) -> Int64? {
        guard let value = fields[name] else { return nil }
        guard case .integer(let integer) = value else { throw Self.wrongType(name, "an integer", value) }
        return integer
    }

    func number(_ name: String) throws(SandboxAPIError) -> Double? {
        switch fields[name] {
        case nil: return nil
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        case let value?: throw Self.wrongType(name, "a number", value)
        }
    }

    func bool(_ name: String) throws(SandboxAPIError) -> Bool? {
        guard let value = fields[name] else { return nil }
        guard case .bool(let bool) = value else { throw Self.wrongType(name, "a boolean", value) }
        return bool
    }

    private static func wrongType(_ name: String, _ expected: String, _ value: JSONValue) -> SandboxAPIError {
        var found = value.typeName
        if case .number = value { found = "a fractional number" }
        return .invalidRequest("Field \(name) must be \(expected), got \(found).")
    }
}
