import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("Device-code login")
struct DeviceLoginTests {
    private func requestCode(_ client: SandboxClient, scope: String? = nil) async throws -> TestResponse {
        var body: [String: JSONValue] = ["client_id": .string(Fixtures.clientID)]
        if let scope { body["scope"] = .string(scope) }
        return try await client.post("auth/device/code", .object(body))
    }

    private func poll(_ client: SandboxClient, _ deviceCode: String) async throws -> TestResponse {
        try await client.post(
            "auth/device/token",
            ["client_id": .string(Fixtures.clientID), "device_code": .string(deviceCode), "device_name": "laptop"]
        )
    }

    @Test("a device code carries the contract's fields, a PNG data URI and no interval")
    func deviceCodeFields() async throws {
        try await withSandbox { _, client in
            let response = try await requestCode(client)
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(
                json.keys == [
                    "device_code", "user_code", "verification_uri", "verification_uri_complete", "verification_uri_qr",
                    "expires_in", "scope",
                ]
            )
            #expect(json["expires_in"]?.integer == 600)
            #expect(json["scope"]?.string == SandboxScope.all.joined(separator: " "))
            let userCode = try #require(json["user_code"]?.string)
            #expect(json["verification_uri_complete"]?.string?.hasSuffix("?code=\(userCode)") == true)
            let qr = try #require(json["verification_uri_qr"]?.string)
            #expect(qr.hasPrefix("data:image/png;base64,"))
            let png = try #require(Data(base64Encoded: String(qr.dropFirst("data:image/png;base64,".count))))
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }

    @Test("a code is approved by itself after N polls, then exchanged exactly once")
    func autoApproval() async throws {
        try await withSandbox({
            $0.autoApproveAfterPolls = 2
            $0.pollInterval = 0
        }) { sandbox, client in
            let deviceCode = try #require(try await requestCode(client).json?["device_code"]?.string)
            #expect(try await poll(client, deviceCode).errorCode == "authorization_pending")
            #expect(try await poll(client, deviceCode).errorCode == "authorization_pending")
            let tokens = try await poll(client, deviceCode)
            #expect(tokens.status == 200)
            let json = try #require(tokens.json)
            #expect(json["token_type"]?.string == "bearer")
            #expect(json["username"]?.string == "sandbox")
            #expect(json["expires_in"]?.integer == 3600)
            #expect(json["access_token"]?.string?.isEmpty == false)
            #expect(json["refresh_token"]?.string?.isEmpty == false)
            #expect(json["refresh_expires_in"]?.integer != nil)
            #expect(try await poll(client, deviceCode).errorCode == "invalid_grant")
            #expect(await sandbox.deviceCodes().first?.deviceName == "laptop")
        }
    }

    @Test("polling faster than the interval answers slow_down and adds 5 seconds")
    func slowDown() async throws {
        try await withSandbox { sandbox, client in
            let deviceCode = try #require(try await requestCode(client).json?["device_code"]?.string)
            #expect(try await poll(client, deviceCode).errorCode == "authorization_pending")
            let tooFast = try await poll(client, deviceCode)
            #expect(tooFast.status == 400)
            #expect(tooFast.errorCode == "slow_down")
            await sandbox.advanceClock(by: 6)
            #expect(try await poll(client, deviceCode).errorCode == "slow_down")
            await sandbox.advanceClock(by: 16)
            #expect(try await poll(client, deviceCode).errorCode == "authorization_pending")
        }
    }

    @Test("approval through the control method lets the next poll get tokens")
    func manualApproval() async throws {
        try await withSandbox({ $0.pollInterval = 0 }) { sandbox, client in
            let code = try #require(try await requestCode(client).json)
            let deviceCode = try #require(code["device_code"]?.string)
            #expect(try await poll(client, deviceCode).errorCode == "authorization_pending")
            try await sandbox.approveDeviceCode(userCode: try #require(code["user_code"]?.string))
            #expect(try await poll(client, deviceCode).status == 200)
        }
    }

    @Test("a declined code answers access_denied")
    func denied() async throws {
        try await withSandbox({ $0.pollInterval = 0 }) { sandbox, client in
            let code = try #require(try await requestCode(client).json)
            try await sandbox.denyDeviceCode(userCode: try #require(code["user_code"]?.string))
            #expect(try await poll(client, try #require(code["device_code"]?.string)).errorCode == "access_denied")
        }
    }

    @Test("a lapsed or expired code answers expired_token")
    func expired() async throws {
        try await withSandbox({ $0.pollInterval = 0 }) { sandbox, client in
            let first = try #require(try await requestCode(client).json)
            await sandbox.advanceClock(by: 601)
            #expect(try await poll(client, try #require(first["device_code"]?.string)).errorCode == "expired_token")
            let second = try #require(try await requestCode(client).json)
            try await sandbox.expireDeviceCode(userCode: try #require(second["user_code"]?.string))
            #expect(try await poll(client, try #require(second["device_code"]?.string)).errorCode == "expired_token")
        }
    }

    @Test("the activation page approves a code like a user in the browser")
    func activationPage() async throws {
        try await withSandbox({ $0.pollInterval = 0 }) { _, client in
            let code = try #require(try await requestCode(client).json)
            let userCode = try #require(code["user_code"]?.string)
            let page = try await client.send(.GET, "/activate?code=\(userCode)")
            #expect(String(decoding: page.body, as: UTF8.self).contains(userCode))
            let approval = try await client.postForm("/activate", [("code", userCode), ("decision", "approve")])
            #expect(approval.status == 200)
            #expect(try await poll(client, try #require(code["device_code"]?.string)).status == 200)
        }
    }

    @Test("unknown client, unknown scope and a secret from a public client are refused")
    func clientAndScopeChecks() async throws {
        try await withSandbox { _, client in
            let unknown = try await client.post("auth/device/code", ["client_id": "nobody"])
            #expect(unknown.status == 401)
            #expect(unknown.errorCode == "invalid_client")
            let scope = try await requestCode(client, scope: "playback:write admin:all")
            #expect(scope.status == 400)
            #expect(scope.errorCode == "invalid_scope")
            let secret = try await client.post(
                "auth/device/code",
                ["client_id": .string(Fixtures.clientID), "client_secret": "s3cret"]
            )
            #expect(secret.errorCode == "invalid_client")
            let narrower = try await requestCode(client, scope: "profile:read")
            #expect(narrower.json?["scope"]?.string == "profile:read")
        }
    }

    @Test("a confidential app must send its secret")
    func confidentialClient() async throws {
        let app = SandboxApp(id: "app_2", name: "Confidential", clientID: "conf", clientSecret: "s3cret")
        try await withSandbox({ $0.apps.append(app) }) { _, client in
            #expect(try await client.post("auth/device/code", ["client_id": "conf"]).errorCode == "invalid_client")
            let wrong = try await client.post("auth/device/code", ["client_id": "conf", "client_secret": "nope"])
            #expect(wrong.errorCode == "invalid_client")
            let right = try await client.post("auth/device/code", ["client_id": "conf", "client_secret": "s3cret"])
            #expect(right.status == 200)
        }
    }

    @Test("unknown fields, non-JSON bodies and a wrong content type are invalid_request")
    func strictBodies() async throws {
        try await withSandbox { _, client in
            let extra = try await client.post(
                "auth/device/code",
                ["client_id": .string(Fixtures.clientID), "interval": 5]
            )
            #expect(extra.status == 400)
            #expect(extra.errorCode == "invalid_request")
            let notJSON = try await client.send(.POST, "auth/device/code", body: "client_id=x")
            #expect(notJSON.errorCode == "invalid_request")
            let form = try await client.send(
                .POST,
                "auth/device/code",
                body: "{\"client_id\":\"\(Fixtures.clientID)\"}",
                contentType: "text/plain"
            )
            #expect(form.errorCode == "invalid_request")
        }
    }
}
