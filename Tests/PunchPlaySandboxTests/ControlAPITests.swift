import Foundation
import Testing

@testable import PunchPlaySandbox

@Suite("HTTP control API (/_sandbox)")
struct ControlAPITests {
    @Test("configuration can be read and replaced; missing keys take defaults")
    func configuration() async throws {
        try await withSandbox { _, client in
            let put = try await client.send(
                .PUT,
                "/_sandbox/configuration",
                body: #"{"accessTokenLifetime": 2, "autoApproveAfterPolls": 0, "pollInterval": 0}"#
            )
            #expect(put.status == 200)
            let current = try #require(try await client.get("/_sandbox/configuration").json)
            #expect(current["accessTokenLifetime"]?.double == 2)
            #expect(current["autoApproveAfterPolls"]?.integer == 0)
            #expect(current["apps"]?.array?.first?["clientID"]?.string == Fixtures.clientID)
            let code = try #require(
                try await client.post("auth/device/code", ["client_id": .string(Fixtures.clientID)]).json
            )
            let tokens = try await client.post(
                "auth/device/token",
                ["client_id": .string(Fixtures.clientID), "device_code": try #require(code["device_code"])]
            )
            #expect(tokens.json?["expires_in"]?.integer == 2)
            let broken = try await client.send(.PUT, "/_sandbox/configuration", body: #"{"pollInterval": "soon"}"#)
            #expect(broken.status == 400)
        }
    }

    @Test("device codes can be listed and approved, denied or expired")
    func deviceCodes() async throws {
        try await withSandbox({ $0.pollInterval = 0 }) { _, client in
            let code = try #require(
                try await client.post("auth/device/code", ["client_id": .string(Fixtures.clientID)]).json
            )
            let listed = try #require(try await client.get("/_sandbox/device-codes").json?.array)
            let userCode = try #require(code["user_code"]?.string)
            #expect(listed.first?["userCode"]?.string == userCode)
            #expect(listed.first?["status"]?.string == "pending")
            #expect(try await client.send(.POST, "/_sandbox/device-codes/\(userCode)/approve").status == 204)
            #expect(try await client.send(.POST, "/_sandbox/device-codes/\(userCode)/deny").status == 404)
            let tokens = try await client.post(
                "auth/device/token",
                ["client_id": .string(Fixtures.clientID), "device_code": try #require(code["device_code"])]
            )
            #expect(tokens.status == 200)
        }
    }

    @Test("tokens, faults, clock, records, events, watches, revocation and reset")
    func operations() async throws {
        try await withSandbox { _, client in
            let tokens = try #require(try await client.send(.POST, "/_sandbox/tokens", body: "{}").json)
            let access = try #require(tokens["accessToken"]?.string)
            let start = Fixtures.playback(event: "e1")
            #expect(try await client.post("playback/start", start, token: access).status == 200)
            let stop = Fixtures.playback(event: "e2", at: 1, extra: ["watched": true])
            #expect(try await client.post("playback/stop", stop, token: access).status == 200)
            let events = try #require(try await client.get("/_sandbox/events?session_id=session-1").json?.array)
            #expect(events.compactMap { $0["action"]?.string } == ["start", "stop"])
            #expect(try await client.get("/_sandbox/events?session_id=other").json?.array?.isEmpty == true)
            #expect(try await client.get("/_sandbox/watches").json?.array?.count == 1)
            #expect(try await client.get("/_sandbox/requests").json?.array?.count == 2)

            let fault = #"{"kind": "status", "status": 502}"#
            #expect(try await client.send(.POST, "/_sandbox/faults", body: fault).status == 204)
            #expect(try await client.get("me", token: access).status == 502)
            #expect(try await client.send(.POST, "/_sandbox/faults", body: fault).status == 204)
            #expect(try await client.send(.DELETE, "/_sandbox/faults").status == 204)
            #expect(try await client.get("me", token: access).status == 200)

            #expect(try await client.send(.POST, "/_sandbox/clock/freeze").status == 204)
            #expect(try await client.send(.POST, "/_sandbox/clock/advance", body: #"{"seconds": 3601}"#).status == 204)
            #expect(try await client.get("me", token: access).status == 401)

            let fresh = try #require(try await client.send(.POST, "/_sandbox/tokens", body: "{}").json)
            let freshAccess = try #require(fresh["accessToken"]?.string)
            #expect(try await client.send(.POST, "/_sandbox/revoke-tokens", body: "{}").status == 204)
            #expect(try await client.get("me", token: freshAccess).status == 401)

            #expect(try await client.send(.POST, "/_sandbox/reset").status == 204)
            #expect(try await client.get("/_sandbox/requests").json?.array?.isEmpty == true)
            #expect(try await client.get("/_sandbox/watches").json?.array?.isEmpty == true)
            let unknownClient = try await client.send(.POST, "/_sandbox/tokens", body: #"{"clientID": "nobody"}"#)
            #expect(unknownClient.status == 404)
        }
    }
}
