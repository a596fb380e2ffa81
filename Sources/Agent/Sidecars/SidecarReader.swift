import Foundation
import Logging
import MediaIdentity
import PlaybackModel
import Scrobbling

/// Reads the Kodi/Jellyfin `.nfo` sidecars of a local media file, the only file reading identification does.
///
/// Bounded on purpose: only `NAME.nfo` and `movie.nfo` in the file's own folder and `tvshow.nfo` in that
/// folder or its parent (the show folder above `Season 1/`), only regular files of at most
/// ``maximumBytes``, never through a symlink that leaves those folders; a text that is not a movie, episode or
/// show `.nfo` is dropped with a debug line.
public struct SidecarReader: Sendable {
    /// Larger files are not sidecars (or are hostile) and are skipped.
    public static let maximumBytes = 256 * 1024

    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// The sidecars of the file a player's `xesam:url` names; empty for remote URLs and files without any.
    public func sidecars(forURL url: String) -> SidecarTexts {
        guard let path = TrackMetadata.localPath(url) else { return SidecarTexts() }
        return sidecars(forPath: path)
    }

    /// The sidecars of a local media file given by its absolute path.
    public func sidecars(forPath path: String) -> SidecarTexts {
        let file = URL(fileURLWithPath: path)
        let folder = file.deletingLastPathComponent()
        let stem = file.deletingPathExtension().lastPathComponent
        guard !stem.isEmpty, folder.path != file.path else { return SidecarTexts() }
        let showFolder = folder.deletingLastPathComponent()
        var texts = SidecarTexts()
        texts.item =
            read(folder.appendingPathComponent(stem + ".nfo"), within: folder)
            ?? read(folder.appendingPathComponent("movie.nfo"), within: folder)
        texts.show =
            read(folder.appendingPathComponent("tvshow.nfo"), within: folder)
            ?? (showFolder.path == folder.path
                ? nil : read(showFolder.appendingPathComponent("tvshow.nfo"), within: showFolder))
        return texts
    }

    /// The text of one candidate, or nil when it is missing, too big, not a regular file, outside `folder`
    /// through a symlink, unreadable or not a sidecar.
    private func read(_ candidate: URL, within folder: URL) -> String? {
        let path = candidate.path
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFLNK {
            let target = candidate.resolvingSymlinksInPath().path
            let root = folder.resolvingSymlinksInPath().path
            guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                logger.debug("sidecar \(path) is a symlink out of its folder: ignored")
                return nil
            }
        }
        guard let text = Self.readSmallRegularFile(path) else {
            logger.debug("sidecar \(path) is not a readable file of at most \(Self.maximumBytes) bytes: ignored")
            return nil
        }
        guard SidecarInfo(nfo: text) != nil else {
            logger.debug("sidecar \(path) is not a movie, episode or show .nfo: ignored")
            return nil
        }
        return text
    }

    /// The file's bytes as text when it is a regular file of at most ``maximumBytes``; non-blocking open, so
    /// a FIFO planted under a sidecar's name cannot hang the agent.
    private static func readSmallRegularFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= maximumBytes
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: maximumBytes + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { break }
            count += read
        }
        guard count <= maximumBytes else { return nil }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}
