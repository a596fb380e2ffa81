import Foundation
import PlaybackModel

extension PunchPlayClient {
    /// `GET /me`: who is logged in and which scopes the token carries.
    public func me() async throws(PunchPlayError) -> Account {
        try await authorized(.GET, "/me").decode(Account.self)
    }

    /// `GET /playback/now-playing`: the service's most relevant active item, or nil when it has none (an idle
    /// answer has `nowPlaying: false` and no title).
    public func nowPlaying() async throws(PunchPlayError) -> NowPlaying? {
        let response = try await authorized(.GET, "/playback/now-playing")
        if response.isEmptyOrNull { return nil }
        let item = try response.decode(NowPlaying.self)
        return item.nowPlaying != true && item.title == nil ? nil : item
    }

    /// `GET /playback/in-progress`: active or resumable items.
    public func inProgress() async throws(PunchPlayError) -> [InProgressItem] {
        let response = try await authorized(.GET, "/playback/in-progress")
        if response.isEmptyOrNull { return [] }
        if let list = try? JSONDecoder().decode([InProgressItem].self, from: response.body) { return list }
        return try response.decode(InProgressEnvelope.self).items
    }
}

/// `{"items": [...]}`, the wrapped form of the in-progress list.
private struct InProgressEnvelope: Decodable {
    var items: [InProgressItem]
}

extension APIResponse {
    fileprivate var isEmptyOrNull: Bool {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || text == "null" || text == "{}"
    }
}
