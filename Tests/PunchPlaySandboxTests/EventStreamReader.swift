import AsyncHTTPClient
import Foundation
import NIOCore

@testable import PunchPlaySandbox

/// Reads Server-Sent Events (`event:` / `data:` blocks separated by a blank line) from a streamed response body.
struct EventStreamReader {
    private var chunks: HTTPClientResponse.Body.AsyncIterator
    private var pending = ""

    init(_ body: HTTPClientResponse.Body) {
        chunks = body.makeAsyncIterator()
    }

    /// The next event's name and JSON data (`:` and `nil` for a comment-only block), or `nil` when the stream
    /// ended.
    mutating func next() async throws -> (name: String, data: JSONValue?)? {
        while true {
            if let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending.removeSubrange(..<end.upperBound)
                var name = "message"
                var data = ""
                let lines = block.split(separator: "\n")
                if lines.allSatisfy({ $0.hasPrefix(":") }) {
                    return (":", nil)
                }
                for line in lines {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data += line.dropFirst(6) }
                }
                return (name, JSONValue.parse(Data(data.utf8)))
            }
            guard let chunk = try await chunks.next() else { return nil }
            pending += String(buffer: chunk)
        }
    }
}
