import Mail

/// `From:`, `Subject:` and `Date:` lines at the very start of a body (after blank lines), as
/// `git am` reads them: the mail was sent by someone else on the author's behalf. A first line
/// `[PATCH] title` likewise gives the subject. Header continuation lines are joined.
struct InBodyHeaders {
    var fromName: String?
    var fromEmail: String?
    var subject: String?
    var date: String?

    var isEmpty: Bool { fromName == nil && fromEmail == nil && subject == nil && date == nil }

    static func parse(_ body: [UInt8], lines: [QuotedLine]) -> InBodyHeaders {
        var result = InBodyHeaders()
        var i = 0
        while i < lines.count && lines[i].isBlank && lines[i].level == 0 { i += 1 }
        guard i < lines.count, lines[i].level == 0 else { return result }
        func text(_ k: Int) -> String {
            String(decoding: body[lines[k].contentStart..<lines[k].lineEnd], as: UTF8.self)
        }
        let first = text(i)
        if first.hasPrefix("[PATCH"), let close = first.firstIndex(of: "]") {
            result.subject = first
            _ = close
            return result
        }
        var fields: [(String, String)] = []
        var k = i
        while k < lines.count && k < i + 20 && lines[k].level == 0 && !lines[k].isBlank {
            let t = text(k)
            if let f = t.first, f == " " || f == "\t", !fields.isEmpty {
                fields[fields.count - 1].1 += " " + t.trimmingSpaces()
            } else if let colon = t.firstIndex(of: ":") {
                let name = t[..<colon].lowercased()
                guard ["from", "subject", "date"].contains(name) else { break }
                fields.append((name, String(t[t.index(after: colon)...]).trimmingSpaces()))
            } else {
                break
            }
            k += 1
        }
        // Only a block that ends in a blank line is a header block, not a sentence with a colon.
        guard !fields.isEmpty, k < lines.count, lines[k].isBlank else { return InBodyHeaders() }
        for (name, value) in fields {
            switch name {
            case "from":
                let (n, e) = AttributionParser.splitNameAndEmail(value)
                result.fromName = AttributionParser.cleanName(n)
                result.fromEmail = e
            case "subject": result.subject = value
            default: result.date = value
            }
        }
        return result
    }
}
