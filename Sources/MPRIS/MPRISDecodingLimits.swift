/// Bounds applied while decoding what players send, so a player sending nonsense (a 100 MB title, a length of
/// 290 000 years) costs a dropped field instead of memory, time or a crash further down.
public enum MPRISDecodingLimits {
    /// Text fields (title, album, artist, identity) longer than this many characters are cut to it.
    public static let maximumTextLength = 1024
    /// URLs longer than this many UTF-8 bytes are dropped: a cut URL would name a different file.
    public static let maximumURLLength = 8192
    /// Track IDs longer than this many UTF-8 bytes are dropped.
    public static let maximumTrackIDLength = 1024
    /// At most this many artists are kept.
    public static let maximumArtistCount = 32
    /// Lengths and positions beyond a year are nonsense and dropped.
    public static let maximumDuration = Duration.seconds(366 * 24 * 3600)
}
