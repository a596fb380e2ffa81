import TestSupport

/// Generates small real media files with ffmpeg (about a second each), so player tests need no fixtures in
/// the repository.
public enum TestMedia {
    /// Writes a `seconds`-long 320×240 H.264/AAC Matroska file named `name` into `directory` and returns its
    /// path; `title` is embedded as the container title when given.
    public static func video(
        named name: String,
        seconds: Int,
        title: String? = nil,
        in directory: TemporaryDirectory
    ) async throws -> String {
        let path = directory.file(name)
        var arguments = [
            "-nostdin", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=\(seconds)",
            "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
            "-t", "\(seconds)", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
        ]
        if let title { arguments += ["-metadata", "title=\(title)"] }
        try await ChildProcess.run("ffmpeg", arguments + [path])
        return path
    }
}
