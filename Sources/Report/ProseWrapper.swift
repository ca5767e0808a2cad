/// Mail prose wrapped at a column (72 for kernel mail): words fill each line greedily, blank
/// lines separate paragraphs, and a word longer than a line is cut (rare: a long token, never
/// code, which the reply quotes or indents instead).
enum ProseWrapper {
    static func wrap(_ text: String, width: Int = 72, indent: String = "") -> [String] {
        var out: [String] = []
        let room = max(8, width - indent.count)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = units(paragraph, room: room)
            if words.isEmpty {
                out.append("")
                continue
            }
            var line = ""
            for w in words {
                var word = w
                while word.count > room {
                    if !line.isEmpty {
                        out.append(indent + line)
                        line = ""
                    }
                    out.append(indent + String(word.prefix(room)))
                    word = String(word.dropFirst(room))
                }
                if line.isEmpty {
                    line = word
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    out.append(indent + line)
                    line = word
                }
            }
            if !line.isEmpty { out.append(indent + line) }
        }
        return out
    }

    /// Words, except that a `code span` stays on one line when it fits in one.
    static func units(_ paragraph: Substring, room: Int) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            let opens = w.hasPrefix("`") && w.filter({ $0 == "`" }).count % 2 == 1
            if opens, let close = words[(i + 1)...].firstIndex(where: { $0.contains("`") }) {
                let span = words[i...close].joined(separator: " ")
                if span.count <= room {
                    out.append(span)
                    i = close + 1
                    continue
                }
            }
            out.append(w)
            i += 1
        }
        return out
    }
}
