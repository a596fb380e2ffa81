import Foundation
import Hummingbird
import NIOCore

/// Wraps every request: gives it a request id, reads and records its body, plays a pending fault instead of the
/// route, turns any error into the contract's error body, and stamps `X-PunchPlay-Request-Id` on the response.
///
/// Control requests (`/_sandbox/...`) are neither recorded nor subject to faults. Each answered request is logged
/// (method, path without query, status, request id; never headers or bodies, which carry secrets).
struct SandboxMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        context.requestID = RandomToken.make(prefix: "req_", bytes: 12)
        let path = request.uri.path
        let isControl = path.hasPrefix(ControlRoutes.prefix)
        let limit = isControl ? 1024 * 1024 : await state.configuration.maximumBodyBytes
        var recordIndex: Int?
        var response: Response
        do {
            let body = await Self.collectBody(of: &request, upTo: limit)
            if case .complete(let data) = body { context.body = data }
            if !isControl {
                recordIndex = await state.record(Self.record(request, body: context.body, id: context.requestID))
            }
            switch body {
            case .complete: break
            case .tooLarge(let error): throw error
            // The client went away before its body was whole: nobody is there to answer.
            case .cutOff: throw FaultPlayer.NoResponse()
            }
            if !isControl, let fault = await state.takeFault(path: path) {
                response = try await FaultPlayer(state: state).play(fault, context: context) {
                    try await next(request, context)
                }
            } else {
                response = try await next(request, context)
            }
        } catch let error as SandboxAPIError {
            response = error.response(requestID: context.requestID)
        } catch let error as FaultPlayer.NoResponse {
            if let recordIndex { await state.complete(recordIndex, status: nil) }
            throw error
        } catch {
            response = SandboxAPIError(hummingbird: error).response(requestID: context.requestID)
        }
        response.headers[.punchPlayRequestID] = context.requestID
        if !isControl {
            response.headers[.cacheControl] = "no-store"
        }
        if let recordIndex {
            await state.complete(recordIndex, status: response.status.code)
        }
        context.logger.info(
            "Request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(path)", "status": "\(response.status.code)",
                "request_id": "\(context.requestID)",
            ]
        )
        return response
    }

    /// What reading a request's body gave.
    private enum Body {
        case complete(Data)
        case tooLarge(SandboxAPIError)
        /// The connection ended before the body did (the client was stopped mid-request).
        case cutOff
    }

    private static func collectBody(of request: inout Request, upTo limit: Int) async -> Body {
        do {
            return .complete(Data(buffer: try await request.collectBody(upTo: limit)))
        } catch is NIOTooManyBytesError {
            return .tooLarge(
                SandboxAPIError(
                    status: .contentTooLarge,
                    code: "invalid_request",
                    message: "The request body is larger than \(limit) bytes."
                ))
        } catch {
            return .cutOff
        }
    }

    private static func record(_ request: Request, body: Data, id: String) -> RecordedRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        return RecordedRequest(
            requestID: id,
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.query,
            headers: headers,
            body: String(decoding: body, as: UTF8.self),
            receivedAt: .distantPast,
            responseStatus: nil
        )
    }
}
