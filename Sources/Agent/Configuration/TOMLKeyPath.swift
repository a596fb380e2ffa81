/// Renders key paths the way a user would write them in TOML: bare where possible, quoted otherwise
/// (`players."VLC media player".enabled`).
enum TOMLKeyPath {
    static func render(_ path: [String]) -> String {
        path.map(renderComponent).joined(separator: ".")
    }

    private static func renderComponent(_ key: String) -> String {
        let isBare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
        if isBare { return key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }
}
