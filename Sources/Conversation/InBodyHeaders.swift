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
        // Header syntax is bytes, as git mailinfo reads it: no String until a field is known.
        func bytes(_ k: Int) -> ArraySlice<UInt8> { body[lines[k].contentStart..<lines[k].lineEnd] }
        func text(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        let first = bytes(i)
        if first.starts(with: "[PATCH".utf8), first.contains(UInt8(ascii: "]")) {
            result.subject = text(first)
            return result
        }
        var fields: [(String, String)] = []
        var k = i
        while k < lines.count && k < i + 20 && lines[k].level == 0 && !lines[k].isBlank {
            let t = bytes(k)
            if let f = t.first, f == 0x20 || f == 0x09, !fields.isEmpty {
                fields[fields.count - 1].1 += " " + text(t).trimmingSpaces()
            } else if let colon = t.firstIndex(of: 0x3A) {
                guard let name = Self.fieldNames.first(where: { Self.equalsIgnoringASCIICase(t[..<colon], $0) })
                else { break }
                fields.append((name, text(t[(colon + 1)...]).trimmingSpaces()))
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

    private static let fieldNames = ["from", "subject", "date"]

    private static func equalsIgnoringASCIICase(_ b: ArraySlice<UInt8>, _ lower: String) -> Bool {
        b.count == lower.utf8.count && zip(b, lower.utf8).allSatisfy { ProseBytes.lower($0) == $1 }
    }
}
