/// Commit trailers (`Signed-off-by: Name <mail>`, `Fixes: abc123 ("title")`). Only the keys the
/// kernel uses count: a commit message line such as `Note: ...` or `BUG: Bad rss-counter` is text.
enum TrailerParser {
    private static let keys: [StaticString] = [
        "signed-off-by", "reviewed-by", "acked-by", "tested-by", "reported-by", "suggested-by",
        "co-developed-by", "fixes", "link", "closes", "cc", "nacked-by", "naked-by",
        "requested-by", "debugged-by", "originally-by", "bisected-by", "reviewed-and-tested-by",
        "analyzed-by", "stable-dep-of", "message-id",
    ]

    static func parse(_ line: Bytes) -> Trailer? {
        let s = line.trimmed
        // Keys are short; the colon must follow the key directly.
        guard let colon = s.prefix(32).firstIndex(of: Ascii.colon), colon > s.startIndex else {
            return nil
        }
        let key = s[s.startIndex..<colon]
        guard isKnownKey(key) else { return nil }
        let value = s[(colon + 1)...].trimmed
        guard !value.isEmpty else { return nil }
        return Trailer(key: key.string, value: value.string)
    }

    static func isTrailer(_ line: Bytes) -> Bool { parse(line) != nil }

    private static func isKnownKey(_ key: Bytes) -> Bool {
        for k in keys where key.count == k.utf8CodeUnitCount && key.hasPrefixIgnoringCase(k) {
            return true
        }
        return false
    }
}
