/// Reads the first mailbox of an address header (From), leniently: `Name <a@b>`, `"Last, First" <a@b>`,
/// `a@b (Name)`, a bare `a@b`, obsolete comments anywhere. Like git mailinfo, comments around a
/// display name stay in it (`A (zzz) U Thor (Comment)`); a name that is only a comment loses its
/// parentheses. Encoded words are decoded after the structure is known, so a comma inside one is safe.
enum AddressParser {
    static func parse(_ raw: String) -> (address: Address, problems: [(code: String, message: String)]) {
        // Read as UTF-8 bytes: every delimiter is ASCII and no byte of a multi-byte sequence is,
        // so the structure is the same as read by scalars, without a scalar array per header.
        let chars = Array(raw.utf8)
        // Take the first mailbox: cut at a top-level comma (outside quotes, comments and <>).
        var end = chars.count
        var nesting = Nesting()
        var inAngle = false
        var i = 0
        scan: while i < chars.count {
            let c = chars[i]
            if let skip = nesting.consumeInside(c) {
                i += 1 + skip
                continue
            }
            switch c {
            case Byte.lt: inAngle = true
            case Byte.gt: inAngle = false
            case Byte.comma where !inAngle:
                end = i
                break scan
            default: nesting.open(c)
            }
            i += 1
        }
        let mailbox = chars[0..<end]

        // Find the angle address: the last top-level `<...>`.
        var angle: Range<Int>? = nil
        nesting = Nesting()
        i = 0
        while i < mailbox.count {
            let c = mailbox[i]
            if let skip = nesting.consumeInside(c) {
                i += 1 + skip
                continue
            }
            if c == Byte.lt {
                let close = mailbox[(i + 1)...].firstIndex(of: Byte.gt) ?? mailbox.count
                angle = i..<min(close + 1, mailbox.count)
                i = close
            } else {
                nesting.open(c)
            }
            i += 1
        }

        var email: String
        var phrase: [UInt8]
        if let angle {
            let inner = mailbox[
                (angle.lowerBound + 1)..<max(
                    angle.lowerBound + 1, angle.upperBound - (mailbox[angle.upperBound - 1] == Byte.gt ? 1 : 0))]
            email = String(decoding: inner.filter { !ASCII.isSpace($0) }, as: UTF8.self)
            phrase = Array(mailbox[0..<angle.lowerBound])
            phrase.append(Byte.space)
            phrase += mailbox[angle.upperBound...]
        } else {
            // Bare address: the address is what is outside comments; the comments are the name.
            var addr: [UInt8] = []
            phrase = []
            var depth = 0
            for c in mailbox {
                if depth > 0 || c == Byte.open {
                    phrase.append(c)
                    if c == Byte.open { depth += 1 } else if c == Byte.close { depth -= 1 }
                } else {
                    addr.append(c)
                }
            }
            email = String(decoding: addr, as: UTF8.self).trimmingWhitespace()
            if email.utf8.contains(where: ASCII.isSpace) && !email.utf8.contains(0x40) {
                // No address at all, just words: keep them as the name.
                phrase = Array(email.utf8) + [Byte.space] + phrase
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

    /// Where a scan stands in quoted strings and (nested) comments, which hide every delimiter.
    private struct Nesting {
        var inQuote = false
        var depth = 0

        /// Takes `c` when it is inside a quoted string or a comment, and returns how many bytes
        /// after it to skip (1 after a backslash); nil when `c` is at the top level.
        mutating func consumeInside(_ c: UInt8) -> Int? {
            if inQuote {
                if c == Byte.backslash { return 1 }
                if c == Byte.quote { inQuote = false }
                return 0
            }
            guard depth > 0 else { return nil }
            if c == Byte.backslash { return 1 }
            if c == Byte.open {
                depth += 1
            } else if c == Byte.close {
                depth -= 1
            }
            return 0
        }

        /// A top-level `"` or `(` starts a quoted string or a comment.
        mutating func open(_ c: UInt8) {
            if c == Byte.quote {
                inQuote = true
            } else if c == Byte.open {
                depth = 1
            }
        }
    }

    private enum Byte {
        static let backslash = UInt8(ascii: "\\")
        static let quote = UInt8(ascii: "\"")
        static let open = UInt8(ascii: "(")
        static let close = UInt8(ascii: ")")
        static let lt = UInt8(ascii: "<")
        static let gt = UInt8(ascii: ">")
        static let comma = UInt8(ascii: ",")
        static let space = UInt8(ascii: " ")
    }

    /// The display phrase as a person reads it: quotes removed, quoted pairs unescaped, comments kept,
    /// whitespace collapsed; a phrase that is a single comment loses its parentheses.
    private static func renderPhrase(_ s: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        var inQuote = false
        var depth = 0
        var lastSpace = true
        func put(_ c: UInt8) {
            if ASCII.isSpace(c) {
                if !lastSpace { out.append(Byte.space) }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        while i < s.count {
            let c = s[i]
            if c == Byte.backslash && (inQuote || depth > 0) && i + 1 < s.count {
                put(s[i + 1])
                i += 2
                continue
            }
            if inQuote {
                if c == Byte.quote { inQuote = false } else { put(c) }
            } else if c == Byte.quote && depth == 0 {
                inQuote = true
            } else {
                if c == Byte.open { depth += 1 } else if c == Byte.close && depth > 0 { depth -= 1 }
                put(c)
            }
            i += 1
        }
        var name = String(decoding: out, as: UTF8.self).trimmingWhitespace()
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
