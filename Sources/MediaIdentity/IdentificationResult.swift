/// The answer of identification: a movie or episode, or a reason why the item is not one we report.
public enum IdentificationResult: Sendable, Hashable {
    case media(Identification)
    /// Samples, trailers, extras, music, or nothing usable at all; the reason is for the debug log.
    case notMedia(reason: String)
}
