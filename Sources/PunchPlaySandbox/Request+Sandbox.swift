import Foundation
import Hummingbird

extension Request {
    /// The body as a strict JSON object; requires `Content-Type: application/json`.
    func jsonBody(_ context: SandboxRequestContext, allowedFields: Set<String>) throws(SandboxAPIError)
        -> StrictObject
    {
        guard let type = headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw .invalidRequest("Send the body as JSON with Content-Type: application/json.")
        }
        return try StrictObject(json: context.body, allowedFields: allowedFields)
    }

    /// The body as form fields; requires `Content-Type: application/x-www-form-urlencoded` and rejects fields
    /// outside `allowedFields` and repeated fields.
    func formBody(_ context: SandboxRequestContext, allowedFields: Set<String>) throws(SandboxAPIError)
        -> [String: String]
    {
        guard let type = headers[.contentType], type.lowercased().hasPrefix("application/x-www-form-urlencoded")
        else {
            throw .invalidRequest("Send the body form-encoded (Content-Type: application/x-www-form-urlencoded).")
        }
        var fields: [String: String] = [:]
        for pair in String(decoding: context.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .invalidRequest("The form body is not valid percent-encoding.")
            }
            guard allowedFields.contains(name) else { throw .invalidRequest("Unknown form field \(name).") }
            guard fields[name] == nil else { throw .invalidRequest("Form field \(name) is repeated.") }
            fields[name] = value
        }
        return fields
    }

    /// The bearer token of the `Authorization` header, or 401 `invalid_token` when there is none.
    func bearerToken() throws(SandboxAPIError) -> String {
        guard let authorization = headers[.authorization] else {
            throw .invalidToken("Missing Authorization: Bearer <access_token> header.")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw .invalidToken("The Authorization header must be \"Bearer <access_token>\".")
        }
        return String(parts[1])
    }

    /// `http://host:port` as the client addressed the sandbox.
    var origin: String {
        "http://" + (head.authority ?? "127.0.0.1")
    }
}

extension StrictObject {
    /// Space-separated scopes of a token response.
    static func scopeString(_ scopes: [String]) -> JSONValue {
        .string(scopes.joined(separator: " "))
    }
}
