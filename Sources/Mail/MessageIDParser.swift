/// Message identifiers from Message-ID, In-Reply-To and References, always in `<...>` form so that
/// threading can compare them as strings. Junk around them (`<id> (Name's message of ...)`) is ignored.
enum MessageIDParser {
    /// Every `<...>` in order (whitespace inside removed); a value with no angle brackets counts as
    /// one bare id when it looks like one (has an `@`).
    static func all(_ value: String) -> [String] {
        var value = value
        return value.withUTF8 { u in
            var ids: [String] = []
            var i = 0
            while let open = u.index(of: 0x3C, from: i, to: u.count) {
                guard let close = u.index(of: 0x3E, from: open + 1, to: u.count) else { break }
                let whole = UnsafeBufferPointer(rebasing: u[open...close])
                if close > open + 1 {
                    if whole.contains(where: ASCII.isSpace) {
                        ids.append(String(decoding: whole.filter { !ASCII.isSpace($0) }, as: UTF8.self))
                    } else {
                        ids.append(String(decoding: whole, as: UTF8.self))
                    }
                }
                i = close + 1
            }
            if ids.isEmpty {
                let start = u.firstIndex { !ASCII.isSpace($0) } ?? u.count
                let end = u[start...].firstIndex(where: ASCII.isSpace) ?? u.count
                let bare = UnsafeBufferPointer(rebasing: u[start..<end])
                if bare.contains(0x40) { ids.append("<" + String(decoding: bare, as: UTF8.self) + ">") }
            }
            return ids
        }
    }

    /// The first msg-id, preferring one that looks like an address (`Your message of <date>` comes first
    /// in some old mailers' In-Reply-To).
    static func first(_ value: String) -> String? {
        let ids = all(value)
        return ids.first(where: { $0.utf8.contains(0x40) }) ?? ids.first
    }
}
