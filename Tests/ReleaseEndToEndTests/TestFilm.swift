/// A film the scenarios play: the title embedded in the file and a release-style file name, so the agent
/// identifies it as a movie the way it would a user's file.
struct TestFilm: Sendable {
    let title: String
    let fileName: String

    static let sintel = TestFilm(title: "Sintel", fileName: "Sintel.2010.1080p.mkv")
    static let bigBuckBunny = TestFilm(title: "Big Buck Bunny", fileName: "Big.Buck.Bunny.2008.1080p.mkv")
    static let elephantsDream = TestFilm(title: "Elephants Dream", fileName: "Elephants.Dream.2006.1080p.mkv")
}
