import MPRISTestSupport

/// Distinct films for the fake players of the agent benchmarks, as a player announces a local file: a release
/// name as title, a `file://` URL and a feature length, so each is identified as its own movie.
enum BenchFilms {
    private static let titles = [
        "Metropolis", "Casablanca", "Vertigo", "Psycho", "Alien", "Heat", "Fargo", "Amelie", "Memento", "Brazil",
    ]

    /// Film number `index`: a title and year that no other index shares.
    static func metadata(_ index: Int) -> FakeMetadata {
        let name = "\(titles[index % titles.count]).Part.\(index / titles.count + 1).\(1950 + index % 70)"
        return FakeMetadata(
            trackID: "/org/mpris/MediaPlayer2/track/\(index)",
            title: name + ".1080p.BluRay.x264",
            url: "file:///home/bench/Films/\(name).1080p.BluRay.x264.mkv",
            length: .seconds(5400)
        )
    }
}
