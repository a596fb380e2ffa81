import AsyncHTTPClient
import Foundation
import NIOCore
import PlaybackModel

extension PunchPlayClient {
    /// `GET /playback/events` as an endless sequence (§5): header auth, `ready` and `playbackUpdate` events,
    /// and after a drop a `disconnected` event, a back-off and a reconnect. It ends by throwing only when
    /// reconnecting cannot help: a login is required, or the service refuses for good (403 without
    /// `events:read`, 404); cancel the consuming task to stop it.
    /// - Parameters:
    ///   - clock: the clock the reconnect back-off sleeps on.
    ///   - backoff: the waits before reconnecting; back to the first once a connection reached `ready`.
    public func liveEvents<C: Clock<Duration>>(
        clock: C = ContinuousClock(),
        backoff: Backoff = .liveEventsReconnect
    ) -> AsyncThrowingStream<LiveEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var attempt = 0
                while !Task.isCancelled {
                    let reason: String
                    do {
                        try await streamOnce(into: continuation) { attempt = 0 }
                        reason = "the service closed the stream"
                    } catch let error as PunchPlayError where error.retryClass != .transient {
                        continuation.finish(throwing: error)
                        return
                    } catch {
                        reason = (error as? PunchPlayError)?.message ?? "\(error)"
                    }
                    if Task.isCancelled { break }
                    let delay = backoff.delay(attempt: attempt)
                    attempt += 1
                    continuation.yield(.disconnected(reason: reason, retryIn: delay))
                    do {
                        try await clock.sleep(for: delay)
                    } catch {
                        break
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func streamOnce(
        into continuation: AsyncThrowingStream<LiveEvent, any Error>.Continuation,
        onReady: () -> Void
    ) async throws(PunchPlayError) {
        let endpoint = APITransport.endpoint(Self.liveEventsPath)
        var token = try await tokens.accessToken()
        var response = try await openLiveEvents(token: token)
        if response.status.code == 401 {
            _ = await transport.failure(of: response, endpoint: endpoint)
            token = try await tokens.accessToken(replacing: token)
            response = try await openLiveEvents(token: token)
            if response.status.code == 401 {
                let failure = await transport.failure(of: response, endpoint: endpoint)
                await tokens.markLoginRequired("PunchPlay refuses the login even after a token refresh.")
                throw PunchPlayError.loginRequired(
                    "PunchPlay refuses the login even after a token refresh (request id \(failure.requestID ?? "none"))."
                )
            }
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            throw await transport.failure(of: response, endpoint: endpoint)
        }
        let requestID = response.headers.first(name: APITransport.requestIDHeader)
        logger.debug("Live events connected", metadata: ["request_id": "\(requestID ?? "none")"])
        var parser = ServerSentEventParser()
        do {
            for try await buffer in response.body {
                for event in try parser.consume(buffer.readableBytesView) {
                    guard let liveEvent = Self.liveEvent(from: event) else { continue }
                    if case .ready = liveEvent { onReady() }
                    continuation.yield(liveEvent)
                }
            }
        } catch is ServerSentEventParser.Overflow {
            throw PunchPlayError.malformed(
                endpoint: endpoint,
                status: Int(response.status.code),
                reason: "an event larger than \(ServerSentEventParser.maximumLineBytes) bytes",
                requestID: requestID
            )
        } catch {
            throw PunchPlayError.network(endpoint: endpoint, reason: "the stream broke (\(error))")
        }
    }

    private static let liveEventsPath = "/playback/events"

    /// Opens the stream; only the response head is bound by the request timeout, the body may last forever.
    private func openLiveEvents(token: Secret) async throws(PunchPlayError) -> HTTPClientResponse {
        let transport = self.transport
        let timeout = settings.requestTimeout
        let endpoint = APITransport.endpoint(Self.liveEventsPath)
        do {
            return try await withThrowingTaskGroup(of: HTTPClientResponse?.self) { group in
                group.addTask {
                    try await transport.open(
                        .GET,
                        Self.liveEventsPath,
                        bearer: token,
                        accept: "text/event-stream",
                        deadline: .distantFuture
                    )
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw PunchPlayError.network(endpoint: endpoint, reason: "no answer within \(timeout)")
                }
                return response
            }
        } catch let error as PunchPlayError {
            throw error
        } catch {
            throw PunchPlayError.network(endpoint: endpoint, reason: "cancelled")
        }
    }

    private static func liveEvent(from event: ServerSentEventParser.Event) -> LiveEvent? {
        let fields = (try? JSONSerialization.jsonObject(with: Data(event.data.utf8))) as? [String: Any] ?? [:]
        switch event.name {
        case "ready":
            return .ready(connectedAt: fields["connectedAt"] as? String)
        case "playback-update":
            return .playbackUpdate(sequence: fields["sequence"] as? Int, emittedAt: fields["emittedAt"] as? String)
        default:
            return nil
        }
    }
}

extension Backoff {
    /// Reconnecting a dropped live-events stream: 1 s doubling up to a minute, no jitter.
    public static let liveEventsReconnect = Backoff(initial: .seconds(1), maximum: .seconds(60))
}
