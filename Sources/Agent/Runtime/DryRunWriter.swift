import Foundation
import PlaybackModel
import PunchPlay

/// The `PlaybackWriting` of `run --dry-run`: sends nothing and prints each event as one JSON line on
/// standard output instead, so a user can watch what would be reported without an account.
public struct DryRunWriter: PlaybackWriting {
    public init() {}

    public func send(_ event: PlaybackEvent) async throws(PunchPlayError) -> PlaybackReceipt {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var shown = event
        shown.checkpoint = nil
        if let data = try? encoder.encode(shown) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        return PlaybackReceipt(ok: true)
    }
}
