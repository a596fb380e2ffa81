import Foundation
import MediaIdentity
import PlaybackModel

extension TrackMetadata {
    /// What makes two metadata snapshots the same item: the URL, else the title. Track ids are not used
    /// because players reuse them for different files. Nil when the player told nothing usable
    /// (smplayer's emptied `{}`, mpv's `/noplaylist`).
    var itemKey: String? {
        if let url, !url.isEmpty { return url }
        if let title, !title.isEmpty { return title }
        return nil
    }

    /// `mpris:length` when it is a usable duration; some players send 0 for "unknown".
    var knownLength: Duration? {
        guard let length, length > .zero else { return nil }
        return length
    }

    var hints: MediaHints {
        MediaHints(
            title: title, url: url, duration: knownLength, itemSidecar: sidecars.item, showSidecar: sidecars.show)
    }

    /// A short description for the debug log.
    var logName: String {
        (title ?? url ?? "untitled").logExcerpt
    }

    /// The `raw_filename` to send: the file name of a local file, or its full path when the user opted in;
    /// nil for anything that is not a local file.
    func rawFilename(fullPath: Bool) -> String? {
        guard let url, let path = Self.localPath(url) else { return nil }
        if fullPath { return path }
        let name = path.split(separator: "/").last.map(String.init)
        return name?.isEmpty == false ? name : nil
    }

    /// The decoded path of a `file://` URI or of a bare absolute path (smplayer sends those).
    public static func localPath(_ url: String) -> String? {
        if url.hasPrefix("/") { return url }
        guard let parsed = URL(string: url), parsed.isFileURL else { return nil }
        let path = parsed.path
        return path.isEmpty ? nil : path
    }
}
