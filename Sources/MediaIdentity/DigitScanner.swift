/// A cursor over ASCII bytes that reads small decimal numbers; the building block of marker parsing.
struct DigitScanner {
    var bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// At the end, or at a `v2`-style version suffix that ends the word.
    var isAtEndOrVersion: Bool {
        if isAtEnd { return true }
        guard bytes[position] == UInt8(ascii: "v"), position + 1 < bytes.count else { return false }
        return bytes[(position + 1)...].allSatisfy(Self.isDigit)
    }

    mutating func advance() { position += 1 }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Reads 1...maxDigits digits; fails (without moving) on none or too many.
    mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while position + count < bytes.count, Self.isDigit(bytes[position + count]) {
            value = value * 10 + Int(bytes[position + count] - UInt8(ascii: "0"))
            count += 1
            if count > maxDigits { return nil }
        }
        guard count > 0 else { return nil }
        position += count
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
