import Foundation

/// A fresh directory for one test's media files and sockets, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates a new, empty, uniquely named directory under the system temporary directory.
    public init(prefix: String = "punchplay-mpris-test") throws {
        var template = Array("\(NSTemporaryDirectory())\(prefix)-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestSupportError("mkdtemp failed with errno \(errno)")
        }
        path = String(cString: created)
    }

    /// The absolute path of `name` inside the directory.
    public func file(_ name: String) -> String {
        "\(path)/\(name)"
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
