import Foundation
import Hummingbird

/// The HTTP twin of the in-process control API, under `/_sandbox/`, for tests that run the sandbox binary as a
/// separate process. Bodies are the public Swift types' JSON (camelCase keys, ISO 8601 dates); see `README.md`.
struct ControlRoutes {
    static let prefix = "/_sandbox"

    let state: SandboxState

    private var sandbox: PunchPlaySandbox {
        PunchPlaySandbox(baseURL: URL(string: "http://localhost")!, state: state)
    }

    func register(on router: Router<SandboxRequestContext>) {
        let control = router.group(RouterPath(Self.prefix))
        control.get("health") { request, _ in
            Response.json([
                "ok": true,
                "baseURL": .string(request.origin),
                "apiBaseURL": .string(request.origin + SandboxAPI.prefix),
            ])
        }
        control.get("configuration") { _, _ in try Self.encode(await sandbox.configuration()) }
        control.put("configuration") { _, context in
            let configuration = try Self.decode(SandboxConfiguration.self, context)
            await state.setConfiguration(configuration)
            return try Self.encode(configuration)
        }
        control.post("clock/advance") { _, context in
            let request = try Self.decode(ClockAdvance.self, context)
            await sandbox.advanceClock(by: request.seconds)
            return Response.noContent
        }
        control.post("clock/freeze") { _, _ in
            await sandbox.freezeClock()
            return Response.noContent
        }
        control.get("device-codes") { _, _ in try Self.encode(await sandbox.deviceCodes()) }
        control.post("device-codes/:userCode/:decision") { _, context in
            try await resolve(context)
        }
        control.post("tokens") { _, context in
            let request = try Self.decode(TokenRequest.self, context)
            do {
                return try Self.encode(
                    try await sandbox.issueTokens(
                        clientID: request.clientID,
                        scopes: request.scopes ?? SandboxScope.all
                    )
                )
            } catch let error as SandboxControlError {
                throw SandboxAPIError.notFound(error.description)
            }
        }
        control.post("revoke-tokens") { _, context in
            let request = try Self.decode(RevokeRequest.self, context)
            await sandbox.revokeTokens(userID: request.userID ?? SandboxUser.preset.id)
            return Response.noContent
        }
        control.get("refresh-statistics") { _, _ in try Self.encode(await sandbox.refreshStatistics()) }
        control.get("requests") { _, _ in try Self.encode(await sandbox.recordedRequests()) }
        control.get("requests/wait") { request, _ in
            let query = request.uri.queryParameters
            do {
                return try Self.encode(
                    try await sandbox.waitForRequests(
                        pathPrefix: query["path_prefix"].map(String.init),
                        count: query["count"].flatMap { Int($0) } ?? 1,
                        timeout: query["timeout_seconds"].flatMap { Double($0) } ?? 10
                    )
                )
            } catch let error as SandboxControlError {
                throw SandboxAPIError(status: .requestTimeout, code: "invalid_request", message: error.description)
            }
        }
        control.delete("requests") { _, _ in
            await sandbox.clearRecordedRequests()
            return Response.noContent
        }
        control.post("faults") { _, context in
            await sandbox.inject(try Self.decode(SandboxFault.self, context))
            return Response.noContent
        }
        control.delete("faults") { _, _ in
            await sandbox.clearFaults()
            return Response.noContent
        }
        control.get("events") { request, _ in
            try Self.encode(
                await sandbox.acceptedEvents(sessionID: request.uri.queryParameters["session_id"].map(String.init)))
        }
        control.post("event-streams/close") { _, _ in
            await sandbox.closeEventStreams()
            return Response.noContent
        }
        control.get("watches") { _, _ in try Self.encode(await sandbox.watchHistory()) }
        control.post("reset") { _, _ in
            await sandbox.reset()
            return Response.noContent
        }
    }

    private func resolve(_ context: SandboxRequestContext) async throws -> Response {
        let userCode = context.parameters.get("userCode") ?? ""
        do {
            switch context.parameters.get("decision") {
            case "approve": try await sandbox.approveDeviceCode(userCode: userCode)
            case "deny": try await sandbox.denyDeviceCode(userCode: userCode)
            case "expire": try await sandbox.expireDeviceCode(userCode: userCode)
            default: throw SandboxAPIError.notFound("Use approve, deny or expire.")
            }
        } catch let error as SandboxControlError {
            throw SandboxAPIError.notFound(error.description)
        }
        return Response.noContent
    }

    private struct ClockAdvance: Decodable {
        var seconds: Double
    }

    private struct TokenRequest: Decodable {
        var clientID: String?
        var scopes: [String]?
    }

    private struct RevokeRequest: Decodable {
        var userID: String?
    }

    private static func encode(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(.iso8601WithMilliseconds))
        }
        let data = try encoder.encode(value)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ context: SandboxRequestContext) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: context.body.isEmpty ? Data("{}".utf8) : context.body)
        } catch {
            throw SandboxAPIError.invalidRequest("The control request body does not decode as \(type): \(error)")
        }
    }
}
