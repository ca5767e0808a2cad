/// Message identifiers from Message-ID, In-Reply-To and References, always in `<...>` form so that
/// threading can compare them as strings. Junk around them (`<id> (Name's message of ...)`) is ignored.
enum MessageIDParser {
    /// Every `<...>` in order; a value with no angle brackets counts as one bare id.
    static func all(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let inner = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !inner.isEmpty { ids.append("<\(inner)>") }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
            if bare.contains("@") { ids.append("<\(bare)>") }
        }
        return ids
    }

    /// The first msg-id, preferring one that looks like an address (`Your message of <date>` comes first
    /// in some old mailers' In-Reply-To).
    static func first(_ value: String) -> String? {
        let ids = all(value)
        return ids.first(where: { $0.contains("@") }) ?? ids.first
    }
}
