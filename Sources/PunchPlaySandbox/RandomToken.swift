/// Unguessable identifiers for tokens, device codes and request ids.
enum RandomToken {
    /// `prefix` followed by `bytes` random bytes in lower-case hex.
    static func make(prefix: String, bytes: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }
        return prefix + hex.joined()
    }

    /// A user code like `BCDF-GHJK`: consonants only, so it spells no words and reads unambiguously.
    static func userCode() -> String {
        let alphabet = Array("BCDFGHJKLMNPQRSTVWXZ")
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<8).map { _ in alphabet.randomElement(using: &generator)! }
        return String(letters[0..<4]) + "-" + String(letters[4..<8])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
