import MediaIdentity
import Testing

/// The corpus, family by family: each row must come back with exactly its expected identification.
@Suite("Identification corpus")
struct IdentificationCorpusTests {
    @Test("Scene and P2P episodes", arguments: SceneEpisodeCorpus.cases)
    func sceneEpisodes(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Movies", arguments: MovieCorpus.cases)
    func movies(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Anime", arguments: AnimeCorpus.cases)
    func anime(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Dates, specials and odd numbering", arguments: DateAndSpecialCorpus.cases)
    func datesAndSpecials(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Folders, paths and URLs", arguments: FolderCorpus.cases)
    func folders(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Player title, URL and length together", arguments: PlayerHintCorpus.cases)
    func playerHints(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Not a movie or episode", arguments: NotMediaCorpus.cases)
    func notMedia(_ row: IdentificationCase) {
        check(row)
    }

    @Test("Download folders and old collections", arguments: CollectionCorpus.cases)
    func collections(_ row: IdentificationCase) {
        check(row)
    }

    @Test("The corpus covers at least 400 names")
    func corpusSize() {
        let total = [
            SceneEpisodeCorpus.cases, MovieCorpus.cases, AnimeCorpus.cases, DateAndSpecialCorpus.cases,
            FolderCorpus.cases, PlayerHintCorpus.cases, NotMediaCorpus.cases, CollectionCorpus.cases,
        ].reduce(0) { $0 + $1.count }
        #expect(total >= 400)
    }

    private func check(_ row: IdentificationCase) {
        let actual = Expectation(MediaIdentifier.identify(row.hints))
        #expect(actual == row.expected, "\(row.testDescription)")
    }
}
