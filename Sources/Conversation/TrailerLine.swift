import Patches

/// A trailer given in a reply (`Reviewed-by: Name <mail>`, `Acked-by:`, `NAK`).
enum TrailerLine {
    static let keys: Set<String> = [
        "signed-off-by", "reviewed-by", "acked-by", "tested-by", "reported-by", "suggested-by",
        "co-developed-by", "nacked-by", "naked-by", "fixes", "link", "closes", "cc",
    ]

    static func parse(_ line: String) -> Trailer? {
        let t = line.trimmingSpaces()
        if t == "NAK" || t == "NAK." || t.hasPrefix("NAK ") || t.hasPrefix("Nacked ") {
            return Trailer(key: "NAK", value: "")
        }
        // The colon found as a byte: a Character search walks grapheme breaks over the whole line.
        guard let colon = t.utf8.firstIndex(of: 0x3A) else { return nil }
        let key = String(t[..<colon])
        guard keys.contains(key.lowercasedASCIIFast()) else { return nil }
        let value = String(t[t.utf8.index(after: colon)...]).trimmingSpaces()
        guard !value.isEmpty else { return nil }
        return Trailer(key: key, value: value)
    }
}
