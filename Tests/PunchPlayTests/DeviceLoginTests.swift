import Foundation
import PlaybackModel
import PunchPlay
import PunchPlaySandbox
import PunchPlayTestSupport
import Testing

@Suite("Device-code login against the sandbox (§2)")
struct DeviceLoginTests {
    @Test("Asks once for the four scopes, polls every 5 s, saves the login and checks /me")
    func success() async throws {
        try await SandboxHarness.run(configure: { $0.autoApproveAfterPolls = 2 }) { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            #expect(!authorization.userCode.isEmpty)
            #expect(authorization.verificationURIComplete?.contains(authorization.userCode) == true)
            #expect(authorization.verificationURIQR?.hasPrefix("data:image/png;base64,") == true)
            let account = try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            #expect(account.username == SandboxUser.preset.username)
            #expect(harness.clock.sleeps == [.seconds(5), .seconds(5), .seconds(5)])
            let codeRequests = await harness.requests("/auth/device/code")
            #expect(codeRequests.count == 1)
            let body = try #require(
                try JSONSerialization.jsonObject(with: Data(codeRequests[0].body.utf8)) as? [String: Any]
            )
            #expect(body["scope"] as? String == "playback:write playback:read events:read profile:read")
            #expect(await harness.requests("/auth/device/token").count == 3)
            let stored = try #require(await harness.store.stored)
            #expect(Set(stored.scopes) == Set(PunchPlayScope.allCases.map(\.rawValue)))
            let codes = await harness.sandbox.deviceCodes()
            #expect(codes.first?.deviceName == "test-host")
            #expect(codes.first?.deviceID == "device-1")
            #expect(await harness.client.tokens.currentState() == .loggedIn)
        }
    }

    @Test("slow_down adds 5 s to the interval for every later poll")
    func slowDown() async throws {
        try await SandboxHarness.run(configure: { $0.autoApproveAfterPolls = 1 }) { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            harness.lagServer(onSleep: 1, by: 3)
            _ = try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            #expect(harness.clock.sleeps == [.seconds(5), .seconds(5), .seconds(10)])
            let statuses = await harness.requests("/auth/device/token").map(\.responseStatus)
            #expect(statuses == [400, 400, 200])
        }
    }

    @Test("A 429 while polling waits Retry-After before the next poll")
    func rateLimited() async throws {
        try await SandboxHarness.run(configure: { $0.autoApproveAfterPolls = 0 }) { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            await harness.sandbox.inject(
                .status(429, pathPrefix: "/api/platform/v1/auth/device/token", retryAfterSeconds: 17)
            )
            _ = try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            #expect(harness.clock.sleeps == [.seconds(5), .seconds(17)])
        }
    }

    @Test("An expired code ends the login with its own message and no new code is requested")
    func expired() async throws {
        try await SandboxHarness.run { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            try await harness.sandbox.expireDeviceCode(userCode: authorization.userCode)
            await #expect {
                try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            } throws: { error in
                guard case DeviceLoginError.expired = error else { return false }
                return "\(error)".contains("expired")
            }
            #expect(await harness.requests("/auth/device/code").count == 1)
            #expect(await harness.store.stored == nil)
        }
    }

    @Test("A declined code ends the login with its own message")
    func denied() async throws {
        try await SandboxHarness.run { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            try await harness.sandbox.denyDeviceCode(userCode: authorization.userCode)
            await #expect {
                try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            } throws: { error in
                guard case DeviceLoginError.denied = error else { return false }
                return "\(error)".contains("declined")
            }
        }
    }

    @Test("Polling stops at the code's absolute deadline")
    func deadline() async throws {
        try await SandboxHarness.run(configure: { $0.deviceCodeLifetime = 22 }) { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            await #expect {
                try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            } throws: { error in
                guard case DeviceLoginError.timedOut = error else { return false }
                return true
            }
            #expect(harness.clock.sleeps == Array(repeating: .seconds(5), count: 4))
            #expect(await harness.requests("/auth/device/token").count == 4)
            #expect(await harness.requests("/auth/device/code").count == 1)
        }
    }

    @Test("Network errors and 5xx while polling keep polling until approval")
    func transientPollFailures() async throws {
        try await SandboxHarness.run(configure: { $0.autoApproveAfterPolls = 0 }) { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            await harness.sandbox.inject(.status(503, pathPrefix: "/api/platform/v1/auth/device/token"))
            await harness.sandbox.inject(.dropConnection(pathPrefix: "/api/platform/v1/auth/device/token"))
            let account = try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            #expect(account.username == SandboxUser.preset.username)
            #expect(await harness.requests("/auth/device/token").count == 3)
        }
    }

    @Test("An unknown client is a login failure naming the service's error, not a retry loop")
    func unknownClient() async throws {
        try await SandboxHarness.run { harness in
            let authorization = try await harness.client.requestDeviceAuthorization()
            await harness.sandbox.updateConfiguration {
                $0.apps = [SandboxApp(id: "other", name: "other", clientID: "other")]
            }
            await #expect {
                try await harness.client.completeDeviceLogin(authorization, clock: harness.clock)
            } throws: { error in
                guard case DeviceLoginError.service(let failure) = error else { return false }
                return failure.code == "invalid_client"
            }
            #expect(await harness.requests("/auth/device/token").count == 1)
        }
    }

    @Test("Asking for a scope the app may not have fails with invalid_scope")
    func invalidScope() async throws {
        let limited = SandboxApp(
            id: "limited",
            name: "limited",
            clientID: SandboxApp.agentClientID,
            allowedScopes: [SandboxScope.playbackWrite, SandboxScope.profileRead]
        )
        try await SandboxHarness.run(configure: { $0.apps = [limited] }) { harness in
            await #expect {
                try await harness.client.requestDeviceAuthorization()
            } throws: { error in
                (error as? PunchPlayError)?.code == "invalid_scope"
            }
        }
    }

    @Test("/me names the scopes a login lacks")
    func missingScopes() async throws {
        try await SandboxHarness.run { harness in
            try await harness.logIn(scopes: [SandboxScope.profileRead, SandboxScope.playbackWrite])
            let account = try await harness.client.me()
            #expect(account.missingScopes == [.playbackRead, .eventsRead])
            let message = DeviceLoginError.missingScopes(account.missingScopes, username: account.username).description
            #expect(message.contains("playback:read, events:read"))
        }
    }
}
