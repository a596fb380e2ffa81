import ArgumentParser

/// The `--for` of `pause`: a length such as `90s`, `45m`, `2h`, `1h30m` or `1d`, or plain seconds.
struct PauseDuration: ExpressibleByArgument, Sendable, Hashable {
    let seconds: UInt64

    /// The longest pause `--for` accepts; longer is what `pause` without `--for` is for.
    static let maximumSeconds: UInt64 = 366 * 86_400

    init?(argument: String) {
        let text = argument.lowercased().filter { !$0.isWhitespace }
        guard !text.isEmpty else { return nil }
        if let plain = UInt64(text) {
            guard plain > 0, plain <= Self.maximumSeconds else { return nil }
            seconds = plain
            return
        }
        var total: UInt64 = 0
        var digits = ""
        var lastUnit = UInt64.max
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let unit = Self.units[character], unit < lastUnit, let amount = UInt64(digits) else { return nil }
            let (product, overflow) = amount.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += product
            guard total <= Self.maximumSeconds else { return nil }
            digits = ""
            lastUnit = unit
        }
        guard digits.isEmpty, total > 0 else { return nil }
        seconds = total
    }

    private static let units: [Character: UInt64] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]

    static var defaultValueDescription: String { "" }
}
