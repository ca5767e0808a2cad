/// Reads the first mailbox of an address header (From), leniently: `Name <a@b>`, `"Last, First" <a@b>`,
/// `a@b (Name)`, a bare `a@b`, obsolete comments anywhere. Like git mailinfo, comments around a
/// display name stay in it (`A (zzz) U Thor (Comment)`); a name that is only a comment loses its
/// parentheses. Encoded words are decoded after the structure is known, so a comma inside one is safe.
enum AddressParser {
    static func parse(_ raw: String) -> (address: Address, problems: [(code: String, message: String)]) {
        let chars = Array(raw.unicodeScalars)
        // Take the first mailbox: cut at a top-level comma (outside quotes, comments and <>).
        var end = chars.count
        var depth = 0
        var inQuote = false
        var inAngle = false
        var i = 0
        scan: while i < chars.count {
            let c = chars[i]
            if inQuote {
                if c == "\\" { i += 1 } else if c == "\"" { inQuote = false }
            } else if depth > 0 {
                if c == "\\" { i += 1 } else if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            } else {
                switch c {
                case "\"": inQuote = true
                case "(": depth = 1
                case "<": inAngle = true
                case ">": inAngle = false
                case "," where !inAngle:
                    end = i
                    break scan
                default: break
                }
            }
            i += 1
        }
        let mailbox = Array(chars[0..<end])

        // Find the angle address: the last top-level `<...>`.
        var angle: Range<Int>? = nil
        depth = 0
        inQuote = false
        i = 0
        while i < mailbox.count {
            let c = mailbox[i]
            if inQuote {
                if c == "\\" { i += 1 } else if c == "\"" { inQuote = false }
            } else if depth > 0 {
                if c == "\\" { i += 1 } else if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            } else if c == "\"" {
                inQuote = true
            } else if c == "(" {
                depth = 1
            } else if c == "<" {
                let close = mailbox[(i + 1)...].firstIndex(of: ">") ?? mailbox.count
                angle = i..<min(close + 1, mailbox.count)
                i = close
            }
            i += 1
        }

        var email: String
        var phrase: [Unicode.Scalar]
        if let angle {
            let inner = mailbox[
                (angle.lowerBound + 1)..<max(
                    angle.lowerBound + 1, angle.upperBound - (mailbox[angle.upperBound - 1] == ">" ? 1 : 0))]
            email = String(String.UnicodeScalarView(inner.filter { !($0.isASCII && ASCII.isSpace(UInt8($0.value))) }))
            phrase = Array(mailbox[0..<angle.lowerBound]) + [" "] + Array(mailbox[angle.upperBound...])
        } else {
            // Bare address: the address is what is outside comments; the comments are the name.
            var addr = String.UnicodeScalarView()
            phrase = []
            depth = 0
            for c in mailbox {
                if depth > 0 || c == "(" {
                    phrase.append(c)
                    if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                } else {
                    addr.append(c)
                }
            }
            email = String(addr).trimmingWhitespace()
            if email.utf8.contains(where: ASCII.isSpace) && !email.utf8.contains(0x40) {
                // No address at all, just words: keep them as the name.
                phrase = Array(email.unicodeScalars) + [" "] + phrase
                email = ""
            }
        }
        var name = renderPhrase(phrase)
        var problems: [(code: String, message: String)] = []
        if name.mayHoldEncodedWord {
            let decoded = RFC2047Decoder.decode(name)
            name = decoded.text
            problems = decoded.problems
        }
        if email.hasPrefix("mailto:") { email.removeFirst(7) }
        return (Address(name: name, email: email), problems)
    }

    /// The display phrase as a person reads it: quotes removed, quoted pairs unescaped, comments kept,
    /// whitespace collapsed; a phrase that is a single comment loses its parentheses.
    private static func renderPhrase(_ s: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        var inQuote = false
        var depth = 0
        var lastSpace = true
        func put(_ c: Unicode.Scalar) {
            if c.isASCII && ASCII.isSpace(UInt8(c.value)) {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "\\" && (inQuote || depth > 0) && i + 1 < s.count {
                put(s[i + 1])
                i += 2
                continue
            }
            if inQuote {
                if c == "\"" { inQuote = false } else { put(c) }
            } else if c == "\"" && depth == 0 {
                inQuote = true
            } else {
                if c == "(" { depth += 1 } else if c == ")" && depth > 0 { depth -= 1 }
                put(c)
            }
            i += 1
        }
        var name = String(out).trimmingWhitespace()
        if name.hasPrefix("("), name.hasSuffix(")"), isSingleComment(name) {
            name = String(name.dropFirst().dropLast()).trimmingWhitespace()
        }
        return name
    }

    private static func isSingleComment(_ s: String) -> Bool {
        var depth = 0
        for (k, c) in s.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0 && k != s.count - 1 { return false }
        }
        return depth == 0
    }
}
