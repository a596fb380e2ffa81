import MPRIS
import MPRISTestSupport
import PlaybackModel

/// Turns one line of `fake-mpris-player` input into calls on the `FakePlayer`.
enum FakePlayerScript {
    /// A command line that does not make sense, with what was expected.
    struct Mistake: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ verb: String, _ arguments: [String], on player: FakePlayer) async throws {
        switch (verb, arguments.count) {
        case ("status", 1):
            guard let status = PlaybackStatus(rawValue: arguments[0]) else {
                throw Mistake(description: "status takes Playing, Paused or Stopped")
            }
            try await player.setStatus(status)
        case ("track", 2...):
            try await player.setMetadata(
                FakeMetadata(
                    title: arguments.count > 2 ? arguments.dropFirst(2).joined(separator: " ") : nil,
                    url: arguments[1],
                    length: .seconds(try number(arguments[0]))
                )
            )
        case ("position", 1):
            try await player.setPosition(.seconds(try number(arguments[0])))
        case ("seek", 1):
            try await player.seek(to: .seconds(try number(arguments[0])))
        case ("rate", 1):
            try await player.setRate(try number(arguments[0]))
        case ("flood", 1):
            guard let count = Int(arguments[0]), count > 0 else { throw Mistake(description: "flood takes a count") }
            for index in 0..<count { try await player.setStatus(index.isMultiple(of: 2) ? .playing : .paused) }
        default:
            throw Mistake(
                description: "unknown command \(verb) with \(arguments.count) arguments; use status, track, "
                    + "position, seek, rate, flood or quit"
            )
        }
    }

    private static func number(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw Mistake(description: "\(text) is not a non-negative number")
        }
        return value
    }
}
