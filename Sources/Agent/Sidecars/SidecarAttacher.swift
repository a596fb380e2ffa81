import Foundation
import Logging
import PlaybackModel
import Scrobbling
import Synchronization

/// Puts the `.nfo` sidecars of the playing file into the metadata the scrobbling core sees, so the pure core
/// can use them without I/O. Reads once per URL change per player (later signals for the same URL reuse the
/// texts), off the cooperative pool, and gives up after ``timeLimit`` so a slow or hung disk holds back the
/// other players' observations for at most that long.
actor SidecarAttacher {
    static let timeLimit: DispatchTimeInterval = .milliseconds(300)

    private let reader: SidecarReader
    private let logger: Logger
    /// Per bus name: the URL last read and what was found for it.
    private var latest: [String: (url: String, texts: SidecarTexts)] = [:]

    init(logger: Logger) {
        self.reader = SidecarReader(logger: logger)
        self.logger = logger
    }

    func attach(to observation: PlayerObservation) async -> PlayerObservation {
        switch observation {
        case .appeared(let info, var properties):
            properties.metadata = await attach(to: properties.metadata, busName: info.busName)
            return .appeared(info, properties)
        case .changed(let busName, var properties) where properties.metadata != nil:
            properties.metadata = await attach(to: properties.metadata, busName: busName)
            return .changed(busName: busName, properties)
        case .vanished(let busName):
            latest[busName] = nil
            return observation
        case .changed, .seeked:
            return observation
        }
    }

    private func attach(to metadata: TrackMetadata?, busName: String) async -> TrackMetadata? {
        guard var metadata, let url = metadata.url, TrackMetadata.localPath(url) != nil else { return metadata }
        if let cached = latest[busName], cached.url == url {
            metadata.sidecars = cached.texts
            return metadata
        }
        let texts = await read(url)
        latest[busName] = (url, texts)
        metadata.sidecars = texts
        return metadata
    }

    /// The sidecars of `url`, or none when reading takes longer than ``timeLimit``.
    private func read(_ url: String) async -> SidecarTexts {
        let reader = reader
        let logger = logger
        return await withCheckedContinuation { continuation in
            let slot = ContinuationSlot(continuation)
            DispatchQueue.global(qos: .utility).async {
                slot.resume(returning: reader.sidecars(forURL: url))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimit) {
                if slot.resume(returning: SidecarTexts()) {
                    logger.debug("reading the .nfo sidecars of \(url) took too long: identifying without them")
                }
            }
        }
    }
}

/// A continuation that the first of two racing callbacks resumes; the other finds it taken.
private final class ContinuationSlot: Sendable {
    private let continuation: Mutex<CheckedContinuation<SidecarTexts, Never>?>

    init(_ continuation: CheckedContinuation<SidecarTexts, Never>) {
        self.continuation = Mutex(continuation)
    }

    /// Resumes the continuation unless already resumed; returns whether this call did.
    @discardableResult
    func resume(returning texts: SidecarTexts) -> Bool {
        guard let continuation = self.continuation.withLock({ slot in slot.take() }) else { return false }
        continuation.resume(returning: texts)
        return true
    }
}
