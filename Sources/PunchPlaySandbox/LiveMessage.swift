/// What a live event stream sends next: a `playback-update`, or a keep-alive comment that also reveals
/// connections the client has closed (the write fails and the stream ends).
enum LiveMessage: Sendable, Equatable {
    case update(JSONValue)
    case keepAlive
}
