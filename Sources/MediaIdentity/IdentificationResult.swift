/// The answer of identification: a movie or episode, or a reason why the item is not one we report.
public enum IdentificationResult: Sendable, Hashable {
    case media(Identification)
    /// Samples, trailers, extras, music, or nothing usable at all; the reason is for the debug log. Bonus material
    /// and samples say which movie or episode they belong to (`belongsTo`), so `identify` can show it; they are
    /// never reported.
    case notMedia(reason: String, belongsTo: Identification? = nil)
}
