import PlaybackModel
import TestSupport

/// Records the watcher's observations for a test.
public typealias ObservationRecorder = StreamRecorder<PlayerObservation>
