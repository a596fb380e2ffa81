import Foundation

/// A real PNG `data:` URI for `verification_uri_qr`.
///
/// The sandbox does not encode QR codes: it draws a QR-looking pattern (three finder squares and modules
/// derived from the text) so clients can test decoding and displaying the image, not scanning it.
enum PNGDataURI {
    private static let modules = 25
    private static let scale = 4

    /// `data:image/png;base64,...` of a pattern derived from `text`.
    static func pattern(for text: String) -> String {
        "data:image/png;base64," + png(modules: moduleGrid(for: text)).base64EncodedString()
    }

    private static func moduleGrid(for text: String) -> [[Bool]] {
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var grid = (0..<modules).map { _ in
            (0..<modules).map { _ in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return seed >> 63 == 1
            }
        }
        for (top, left) in [(0, 0), (0, modules - 7), (modules - 7, 0)] {
            for row in 0..<7 {
                for column in 0..<7 {
                    let ring = min(row, column, 6 - row, 6 - column)
                    grid[top + row][left + column] = ring != 1
                }
            }
        }
        return grid
    }

    /// An 8-bit grayscale PNG, black modules on white, each module `scale` pixels wide.
    private static func png(modules grid: [[Bool]]) -> Data {
        let side = grid.count * scale
        var raw = [UInt8]()
        for row in 0..<side {
            raw.append(0)
            for column in 0..<side {
                raw.append(grid[row / scale][column / scale] ? 0 : 255)
            }
        }
        var header = [UInt8]()
        header += bigEndian(UInt32(side)) + bigEndian(UInt32(side))
        header += [8, 0, 0, 0, 0]
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        data += chunk("IHDR", header)
        data += chunk("IDAT", zlibStored(raw))
        data += chunk("IEND", [])
        return data
    }

    /// A zlib stream of uncompressed ("stored") deflate blocks.
    private static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65535, bytes.count - offset)
            let isLast = offset + length == bytes.count
            out.append(isLast ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return out + bigEndian(b << 16 | a)
    }

    private static func chunk(_ type: String, _ payload: [UInt8]) -> Data {
        let typed = Array(type.utf8) + payload
        return Data(bigEndian(UInt32(payload.count)) + typed + bigEndian(crc32(typed)))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
