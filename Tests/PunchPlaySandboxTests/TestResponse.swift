import AsyncHTTPClient
import Foundation
import NIOHTTP1

@testable import PunchPlaySandbox

/// A fully read response, with the body parsed as JSON when it is JSON.
struct TestResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    var json: JSONValue? { JSONValue.parse(body) }

    /// The contract's `error` code of an error body.
    var errorCode: String? { json?["error"]?.string }

    func header(_ name: String) -> String? {
        headers.first(name: name)
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    var keys: Set<String> {
        if case .object(let fields) = self { Set(fields.keys) } else { [] }
    }
}
