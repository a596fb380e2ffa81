import Foundation

/// Device codes (§2) and the answers to polling them: pending, slow down, expired, denied, approved.
struct DeviceCodeRegistry {
    private struct Record {
        var info: DeviceCodeInfo
        var interval: TimeInterval
        var lastPollAt: Date?
    }

    private var records: [String: Record] = [:]
    private var order: [String] = []

    mutating func create(clientID: String, scopes: [String], now: Date, configuration: SandboxConfiguration)
        -> DeviceCodeInfo
    {
        let info = DeviceCodeInfo(
            deviceCode: RandomToken.make(prefix: "ppdc_"),
            userCode: RandomToken.userCode(),
            clientID: clientID,
            scopes: scopes,
            status: .pending,
            polls: 0,
            expiresAt: now.addingTimeInterval(configuration.deviceCodeLifetime)
        )
        records[info.deviceCode] = Record(info: info, interval: configuration.pollInterval)
        order.append(info.deviceCode)
        return info
    }

    /// Answers one poll: the approved code (now consumed), or the contract's error for its state.
    mutating func poll(
        deviceCode: String,
        clientID: String,
        deviceID: String?,
        deviceName: String?,
        now: Date,
        configuration: SandboxConfiguration
    ) throws(SandboxAPIError) -> DeviceCodeInfo {
        guard var record = records[deviceCode], record.info.clientID == clientID else {
            throw .invalidGrant("The device code is not known for this client.")
        }
        defer { records[deviceCode] = record }
        if now >= record.info.expiresAt, record.info.status == .pending || record.info.status == .approved {
            record.info.status = .expired
        }
        switch record.info.status {
        case .expired:
            throw .deviceFlow("expired_token", "The device code has expired; request a new one.")
        case .denied:
            throw .deviceFlow("access_denied", "The user declined the authorization request.")
        case .consumed:
            throw .invalidGrant("The device code was already exchanged for tokens.")
        case .pending, .approved:
            break
        }
        if let last = record.lastPollAt, now.timeIntervalSince(last) < record.interval {
            record.lastPollAt = now
            record.interval += 5
            throw .deviceFlow(
                "slow_down",
                "Polling too fast; wait at least \(Int(record.interval)) seconds between polls."
            )
        }
        record.lastPollAt = now
        record.info.polls += 1
        if record.info.status == .pending, let polls = configuration.autoApproveAfterPolls,
            record.info.polls > polls
        {
            record.info.status = .approved
        }
        guard record.info.status == .approved else {
            throw .deviceFlow("authorization_pending", "The user has not approved the code yet; keep polling.")
        }
        record.info.status = .consumed
        record.info.deviceID = deviceID
        record.info.deviceName = deviceName
        return record.info
    }

    /// Moves the pending code `userCode` to `status`; false when no pending code has that user code.
    /// - Parameter grantedScopes: when set, the approval grants only those of the requested scopes.
    mutating func resolve(
        userCode: String,
        to status: DeviceCodeInfo.Status,
        grantedScopes: [String]? = nil,
        now: Date
    ) -> Bool {
        let wanted = userCode.uppercased()
        guard let deviceCode = order.last(where: { records[$0]?.info.userCode == wanted }),
            var record = records[deviceCode], record.info.status == .pending, now < record.info.expiresAt
        else { return false }
        record.info.status = status
        if let grantedScopes {
            record.info.scopes = record.info.scopes.filter(grantedScopes.contains)
        }
        records[deviceCode] = record
        return true
    }

    /// Every code in creation order, with lapsed ones shown as expired.
    func all(now: Date) -> [DeviceCodeInfo] {
        order.compactMap { records[$0]?.info }.map { info in
            var info = info
            if now >= info.expiresAt, info.status == .pending || info.status == .approved {
                info.status = .expired
            }
            return info
        }
    }
}
