import Foundation
import PlaybackModel
import Testing

@testable import PunchPlay

@Suite("Error classification (§6)")
struct ErrorClassificationTests {
    @Test(
        "Status and code give the retry class",
        arguments: [
            (408, nil, RetryClass.transient), (429, nil, .transient), (500, nil, .transient), (503, nil, .transient),
            (400, nil, .permanent), (403, "insufficient_scope", .permanent), (404, nil, .permanent),
            (409, nil, .permanent), (422, nil, .permanent), (401, "invalid_token", .loginRequired),
            (400, "invalid_grant", .loginRequired), (401, "invalid_client", .loginRequired),
        ] as [(Int, String?, RetryClass)]
    )
    func retryClass(status: Int, code: String?, expected: RetryClass) {
        #expect(PunchPlayError.classify(status: status, code: code) == expected)
    }

    @Test("The body's request id wins over the header's")
    func requestIDFromBodyFirst() {
        let body = #"{"error":"not_found","message":"No such thing","request_id":"body-id"}"#
        let error = PunchPlayError.response(
            endpoint: "/x",
            status: 404,
            body: Array(body.utf8),
            retryAfterHeader: nil,
            requestIDHeader: "header-id"
        )
        #expect(error.requestID == "body-id")
        #expect(error.code == "not_found")
        #expect(error.message == "No such thing")
        #expect(error.description.contains("request id body-id"))
    }

    @Test("Without a body id, the header's request id is used")
    func requestIDFromHeader() {
        let error = PunchPlayError.response(
            endpoint: "/x",
            status: 500,
            body: Array("<html>oops</html>".utf8),
            retryAfterHeader: nil,
            requestIDHeader: "header-id"
        )
        #expect(error.requestID == "header-id")
        #expect(error.code == nil)
        #expect(error.retryClass == .transient)
    }

    @Test("insufficient_scope carries the required scope")
    func requiredScope() {
        let body = #"{"error":"insufficient_scope","message":"nope","request_id":"r","required_scope":"events:read"}"#
        let error = PunchPlayError.response(
            endpoint: "/playback/events",
            status: 403,
            body: Array(body.utf8),
            retryAfterHeader: nil,
            requestIDHeader: nil
        )
        #expect(error.requiredScope == "events:read")
        #expect(error.retryClass == .permanent)
    }

    @Test("A body with fields of the wrong type still yields the readable ones")
    func wrongTypes() {
        let body = #"{"error":42,"message":["x"],"request_id":"rid"}"#
        let error = PunchPlayError.response(
            endpoint: "/me",
            status: 502,
            body: Array(body.utf8),
            retryAfterHeader: nil,
            requestIDHeader: nil
        )
        #expect(error.code == nil)
        #expect(error.requestID == "rid")
        #expect(error.message.contains("temporary problem"))
    }

    @Test("An enormous server message is shortened")
    func longMessage() {
        let body = #"{"error":"server_error","message":""# + String(repeating: "x", count: 10_000) + #""}"#
        let error = PunchPlayError.response(
            endpoint: "/me",
            status: 500,
            body: Array(body.utf8),
            retryAfterHeader: nil,
            requestIDHeader: nil
        )
        #expect(error.message.count <= PunchPlayError.maximumServerMessageLength + 1)
    }

    @Test("Retry-After as seconds, as an HTTP date, and garbage")
    func retryAfter() {
        #expect(PunchPlayError.parseRetryAfter("120") == .seconds(120))
        #expect(PunchPlayError.parseRetryAfter(" 7 ") == .seconds(7))
        #expect(PunchPlayError.parseRetryAfter("-3") == nil)
        #expect(PunchPlayError.parseRetryAfter("soon") == nil)
        #expect(PunchPlayError.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == .seconds(0))
    }

    @Test("429 keeps its Retry-After")
    func rateLimited() {
        let error = PunchPlayError.response(
            endpoint: "/playback/start",
            status: 429,
            body: Array(#"{"error":"rate_limited","message":"slow down","request_id":"r"}"#.utf8),
            retryAfterHeader: "30",
            requestIDHeader: nil
        )
        #expect(error.retryAfter == .seconds(30))
        #expect(error.retryClass == .transient)
    }
}
