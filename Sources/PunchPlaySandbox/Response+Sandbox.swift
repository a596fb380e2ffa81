import Foundation
import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// The request id header every response carries (§6).
    static let punchPlayRequestID = HTTPField.Name("X-PunchPlay-Request-Id")!
}

extension Response {
    /// A JSON response with `value` as its body.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let data = value.encoded
        return Response(
            status: status,
            headers: [.contentType: "application/json", .contentLength: String(data.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// A 204 with no body.
    static var noContent: Response {
        Response(status: .noContent)
    }
}

extension SandboxAPIError {
    /// The contract's error body with its headers.
    func response(requestID: String) -> Response {
        var body: [String: JSONValue] = [
            "error": .string(code),
            "message": .string(message),
            "request_id": .string(requestID),
        ]
        if let requiredScope {
            body["required_scope"] = .string(requiredScope)
        }
        var response = Response.json(.object(body), status: status)
        if let retryAfterSeconds {
            response.headers[.retryAfter] = String(retryAfterSeconds)
        }
        if status == .unauthorized, code == "invalid_token" {
            response.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
        }
        response.headers.append(contentsOf: extraHeaders)
        return response
    }

    /// The contract error for an error Hummingbird raised itself (unknown route, wrong method, body too large).
    init(hummingbird error: any Error) {
        guard let error = error as? HTTPError else {
            self = .serverError("The sandbox failed to handle the request.")
            return
        }
        switch error.status {
        case .notFound:
            self = .notFound("No such endpoint.")
        default:
            self = SandboxAPIError(status: error.status, code: "invalid_request", message: error.body ?? "Bad request.")
        }
    }
}
