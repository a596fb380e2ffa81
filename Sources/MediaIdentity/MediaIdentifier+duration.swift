/// `mpris:length` as a tie-breaker.
extension MediaIdentifier {
    /// `mpris:length` as a tie-breaker: a short item with no numbering is not a movie; a long bare-numbered item
    /// is a sequel, not an episode. Returns a rejection reason, if any.
    static func applyDuration(_ duration: Duration, to draft: inout IdentificationDraft) -> String? {
        let minutes = duration.components.seconds / 60
        if !draft.isEpisode, duration < shortestMovie, draft.name.year == nil, draft.name.ids.isEmpty {
            return "\(minutes)-minute item with no year or episode numbering: not a movie"
        }
        if draft.name.numbering == .bareNumber, duration >= longestBareEpisode, let number = draft.name.episode,
            draft.name.season == nil, let title = draft.name.title
        {
            draft.name.title = "\(title) \(number)"
            draft.name.episode = nil
            draft.name.episodeEnd = nil
            draft.name.episodeTitle = nil
            draft.name.numbering = .none
            draft.reasons.append("\(minutes) minutes long: a movie, the number is part of its title")
            return nil
        }
        draft.reasons.append("\(minutes) minutes long")
        return nil
    }
}
