import PlaybackModel

/// The playback write's answer decoded tolerantly (§4): `ignored` may be a reason string, a boolean or
/// absent, and missing flags mean false, so a harmless variation never turns an accepted event into an
/// endless retry.
struct PlaybackReceiptWire: Decodable {
    var receipt: PlaybackReceipt

    enum CodingKeys: String, CodingKey {
        case ok, deduped, ignored, season, episode, anime
        case tmdbID = "tmdb_id"
        case tvdbID = "tvdb_id"
        case imdbID = "imdb_id"
        case punchplayID = "punchplay_id"
        case episodeEnd = "episode_end"
        case absoluteEpisode = "absolute_episode"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ignored: String?
        if let reason = try? container.decodeIfPresent(String.self, forKey: .ignored) {
            ignored = reason
        } else if let flag = try? container.decodeIfPresent(Bool.self, forKey: .ignored) {
            ignored = flag ? "ignored" : nil
        } else {
            ignored = nil
        }
        var receipt = PlaybackReceipt(
            ok: try container.decodeIfPresent(Bool.self, forKey: .ok) ?? true,
            deduped: try container.decodeIfPresent(Bool.self, forKey: .deduped) ?? false,
            ignored: ignored
        )
        receipt.tmdbID = try container.decodeIfPresent(Int.self, forKey: .tmdbID)
        receipt.tvdbID = try container.decodeIfPresent(Int.self, forKey: .tvdbID)
        receipt.imdbID = try container.decodeIfPresent(String.self, forKey: .imdbID)
        receipt.punchplayID = try? container.decodeLenientID(forKey: .punchplayID)
        receipt.season = try container.decodeIfPresent(Int.self, forKey: .season)
        receipt.episode = try container.decodeIfPresent(Int.self, forKey: .episode)
        receipt.episodeEnd = try container.decodeIfPresent(Int.self, forKey: .episodeEnd)
        receipt.absoluteEpisode = try container.decodeIfPresent(Int.self, forKey: .absoluteEpisode)
        receipt.anime = try container.decodeIfPresent(Bool.self, forKey: .anime)
        self.receipt = receipt
    }
}
