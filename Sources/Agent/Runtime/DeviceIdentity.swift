import Foundation

/// The stable per-installation `device_id` every playback event carries, so the service can tell this
/// machine's sessions from another's. Created once (a random UUID) in the state directory and reused.
public enum DeviceIdentity {
    /// The file's name inside `$XDG_STATE_HOME/punchplay-mpris/`.
    public static let fileName = "device-id"

    /// Reads the id from `directory/device-id`, creating the directory and the file when missing or empty.
    public static func loadOrCreate(in directory: String) throws(RuntimeError) -> String {
        let path = directory + "/" + fileName
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, text.count <= 128, !text.contains(where: \.isNewline) { return text }
        }
        let identifier = UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            try Data((identifier + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RuntimeError("cannot write the device id to \(path): \(error.localizedDescription)")
        }
        return identifier
    }
}
