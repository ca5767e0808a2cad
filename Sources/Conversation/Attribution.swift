import Mail
import Patches

/// An attribution line: `On Thu 20-08-20 15:01:00, Linus Torvalds wrote:`, `Ryan Roberts <...>
/// writes:`, `Quoting Hugh Dickins (2005-02-07):`... It names the author of the next quote level.
public struct Attribution: Sendable, Equatable, Codable {
    /// The person's name as written (email removed); nil when the line names nobody we can use.
    public var name: String?
    public var email: String?
    /// The date text of `On <date>, Name wrote:` forms, as written.
    public var dateText: String?

    public init(name: String?, email: String?, dateText: String?) {
        self.name = name
        self.email = email
        self.dateText = dateText
    }
}

public enum AttributionParser {
    /// Attribution lines are short; anything longer is prose that happens to end in "wrote:".
    static let maxLength = 300

    private static let endings: [String] = [
        "wrote:", "writes:", "wrote :", "a écrit :", "a écrit:", "schrieb:", "escribió:",
        "ha scritto:", "said:",
    ]

    /// Parses one line (or two joined with a space, for attributions wrapped after the date).
    public static func parse(_ line: String) -> Attribution? {
        var s = line.trimmingSpaces()
        guard !s.isEmpty, s.utf8.count <= maxLength else { return nil }
        if cannotBeAttribution(s) { return nil }
        let lower = s.lowercasedASCIIFast()
        if lower.hasPrefix("quoting "), s.hasSuffix(":") {
            // `Quoting Name (date):` / `Quoting Name <mail>:`
            s = String(s.dropFirst("quoting ".count).dropLast())
            var date: String?
            if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close {
                date = String(s[s.index(after: open)..<close])
                s = String(s[..<open])
            }
            let (name, email) = splitNameAndEmail(s)
            return Attribution(name: cleanName(name), email: email, dateText: date)
        }
        if s.hasPrefix("* "), s.hasSuffix("]:"), s.contains("@") {
            // mutt: `* Name <mail> [2020-08-20 15:01]:`
            var body = String(s.dropFirst(2).dropLast(1))
            var date: String?
            if let open = body.lastIndex(of: "[") {
                date = String(body[body.index(after: open)...].dropLast())
                body = String(body[..<open])
            }
            let (name, email) = splitNameAndEmail(body)
            return Attribution(name: cleanName(name), email: email, dateText: date)
        }
        guard let ending = endings.first(where: { lower.hasSuffix($0) }) else { return nil }
        var head = String(s.dropLast(ending.count)).trimmingSpaces()
        if head.hasSuffix(",") { head.removeLast() }
        let lowerHead = head.lowercasedASCIIFast()
        var dateText: String?
        var rest = head
        for opener in ["on ", "le ", "am ", "el ", "il ", "at "] where lowerHead.hasPrefix(opener) {
            rest = String(head.dropFirst(opener.count))
            break
        }
        let isOnForm = rest.utf8.count != head.utf8.count
        // Remove the address (`<a@b>`, `(a@b)`, a bare `a@b`) before looking for the name.
        let (withoutMail, email) = splitNameAndEmail(rest)
        var tokens = words(withoutMail, separatedBy: [0x20, 0x09])
        guard !tokens.isEmpty || email != nil else { return nil }
        var nameTokens: [String] = []
        while let last = tokens.last {
            if isDateToken(last) || (last.hasSuffix(",") && !nameTokens.isEmpty) { break }
            if last.hasSuffix(",") && nameTokens.isEmpty {
                // `On Thu, 20 Aug 2020, Linus Torvalds wrote:` ends with the name, not a comma.
                break
            }
            nameTokens.insert(last, at: 0)
            tokens.removeLast()
            if nameTokens.count > 6 { return nil }
        }
        if isOnForm {
            let remaining = tokens.joined(separator: " ").trimmingSpaces()
            dateText = remaining.hasSuffix(",") ? String(remaining.dropLast()) : remaining
            if dateText?.isEmpty == true { dateText = nil }
        } else if !tokens.isEmpty {
            // `Name wrote:` carries no date; leftover tokens mean this is a sentence.
            return nil
        }
        let name = cleanName(nameTokens.joined(separator: " "))
        if let name, pronouns.contains(name.lowercasedASCIIFast()) {
            return Attribution(name: nil, email: email, dateText: dateText)
        }
        if name == nil && email == nil { return nil }
        if let name, !looksLikeName(name) { return nil }
        return Attribution(name: name, email: email, dateText: dateText)
    }

    /// For ASCII text (bytes are Characters, `lowercased()` lowers A-Z): true when none of the
    /// three forms `parse` accepts can match, decided on bytes. False for any other text.
    static func cannotBeAttribution(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            let n = b.count
            for c in b where c >= 0x80 { return false }
            func lowerSuffix(_ p: StaticString) -> Bool {
                let m = p.utf8CodeUnitCount
                guard n >= m else { return false }
                return p.withUTF8Buffer { q in
                    for k in 0..<m where ProseBytes.lower(b[n - m + k]) != q[k] { return false }
                    return true
                }
            }
            guard n > 0, b[n - 1] == UInt8(ascii: ":") else { return true }
            if lowerSuffix("wrote:") || lowerSuffix("writes:") || lowerSuffix("wrote :") || lowerSuffix("schrieb:")
                || lowerSuffix("ha scritto:") || lowerSuffix("said:")
            {
                return false
            }
            // `Quoting ...:` and mutt's `* ... ]:`.
            if n >= 8 {
                let q: [UInt8] = Array("quoting ".utf8)
                if (0..<8).allSatisfy({ ProseBytes.lower(b[$0]) == q[$0] }) { return false }
            }
            if n >= 2, b[0] == UInt8(ascii: "*"), b[1] == 0x20 { return false }
            return true
        }
    }

    private static let pronouns: Set<String> = ["you", "i", "he", "she", "they", "we", "someone", "somebody"]

    /// Dates, times, zones and connecting words that stand between `On` and the name.
    static func isDateToken(_ token: String) -> Bool {
        guard token.isPlainASCII else { return isDateTokenCharacters(token) }
        // On bytes: every byte is a Character, and `lowercased()` lowers A-Z only.
        var token = token
        return token.withUTF8 { u in
            var lo = 0
            var hi = u.count
            while lo < hi && u[lo] == 0x2C { lo += 1 }
            while hi > lo && u[hi - 1] == 0x2C { hi -= 1 }
            if lo == hi { return true }
            for k in lo..<hi where u[k] &- 0x30 < 10 { return true }
            if u[lo] == 0x28 && u[hi - 1] == 0x29 { return true }
            // Only a short token can be a date word: no String for the others.
            guard hi - lo <= dateWordMaxLength else { return false }
            return dateWords.contains(String(asciiLowercasing: UnsafeBufferPointer(rebasing: u[lo..<hi])))
        }
    }

    /// `isDateToken` on Characters: for text that is not plain ASCII (and, in tests, the
    /// reference the byte path must agree with).
    static func isDateTokenCharacters(_ token: String) -> Bool {
        let t = token.trimmingCharacters(in: ",")
        if t.isEmpty { return true }
        if t.contains(where: { $0.isNumber }) { return true }
        let lower = t.lowercasedASCIIFast()
        return dateWords.contains(lower) || (lower.hasPrefix("(") && lower.hasSuffix(")"))
    }

    /// Built once (a literal in the function body was built on every call).
    private static let dateWords: Set<String> = [
        "am", "pm", "at", "utc", "gmt", "ut", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest",
        "bst", "ist", "jst", "-", "(utc)", "(gmt)",
    ]
    private static let dateWordMaxLength = dateWords.map(\.utf8.count).max() ?? 0

    static func looksLikeName(_ name: String) -> Bool {
        guard name.isPlainASCII else { return looksLikeNameCharacters(name) }
        var name = name
        return name.withUTF8 { b in
            // The words (runs without a space), counted first: function words only count
            // against names of more than one word.
            var words: [Range<Int>] = []
            var i = 0
            while i < b.count {
                while i < b.count && b[i] == 0x20 { i += 1 }
                guard i < b.count else { break }
                let start = i
                while i < b.count && b[i] != 0x20 { i += 1 }
                words.append(start..<i)
                if words.count > 6 { return false }
            }
            guard !words.isEmpty else { return false }
            for w in words {
                let f = b[w.lowerBound]
                guard (f | 0x20) &- 0x61 < 26 || f == 0x22 || f == 0x27 else { return false }
                if words.count > 1 && w.count <= lowerWordMaxLength
                    && lowerWords.contains(String(asciiLowercasing: UnsafeBufferPointer(rebasing: b[w])))
                {
                    return false
                }
            }
            return true
        }
    }

    /// `looksLikeName` on Characters (text that is not plain ASCII; the tests' reference).
    static func looksLikeNameCharacters(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...6).contains(words.count) else { return false }
        // Names start with a letter; sentences ending in "wrote:" have lower-case function words.
        for w in words {
            guard let f = w.first, f.isLetter || f == "\"" || f == "'" else { return false }
            if lowerWords.contains(String(w).lowercasedASCIIFast()) && words.count > 1 { return false }
        }
        return true
    }

    private static let lowerWords: Set<String> = [
        "the", "a", "an", "this", "that", "which", "who", "and", "as", "also", "patch", "above", "below",
        "previously", "originally", "code",
    ]
    private static let lowerWordMaxLength = lowerWords.map(\.utf8.count).max() ?? 0

    static func cleanName(_ raw: String) -> String? {
        var s = raw.trimmingSpaces()
        while let f = s.first, f == "\"" || f == "'" || f == "(" { s.removeFirst() }
        while let l = s.last, l == "\"" || l == "'" || l == ")" || l == "," { s.removeLast() }
        s = s.trimmingSpaces()
        return s.isEmpty ? nil : s
    }

    /// Splits `Name <mail>` / `mail (Name)` / `Name mail@host` into the name part and the address.
    static func splitNameAndEmail(_ s: String) -> (String, String?) {
        var text = s
        var email: String?
        // In plain ASCII a byte is a Character: the brackets and `@` are found on bytes.
        let ascii = s.isPlainASCII
        if let open = ascii ? text.utf8.lastIndex(of: 0x3C) : text.lastIndex(of: "<"),
            let close = ascii ? text.utf8.lastIndex(of: 0x3E) : text.lastIndex(of: ">"), open < close
        {
            let inner = String(text[text.index(after: open)..<close])
            if ascii ? inner.utf8.contains(0x40) : inner.contains("@") { email = inner }
            text = String(text[..<open]) + String(text[text.index(after: close)...])
        }
        // A bare address needs an `@` byte; without one the words need not be split.
        guard email == nil, text.utf8.contains(UInt8(ascii: "@")) else { return (text.trimmingSpaces(), email) }
        var words = words(text, separatedBy: [0x20])
        if email == nil, let i = words.lastIndex(where: { ascii ? $0.utf8.contains(0x40) : $0.contains("@") }) {
            email = words[i].trimmingCharacters(in: "()<>,")
            words.remove(at: i)
            text = words.joined(separator: " ")
        }
        return (text.trimmingSpaces(), email)
    }
}

extension AttributionParser {
    /// `split(whereSeparator:)` at ASCII separator Characters, empty pieces dropped; on bytes for
    /// plain ASCII text.
    static func words(_ s: String, separatedBy separators: [UInt8]) -> [String] {
        guard s.isPlainASCII else { return wordsCharacters(s, separatedBy: separators) }
        var s = s
        return s.withUTF8 { b in
            var out: [String] = []
            var i = 0
            while i < b.count {
                while i < b.count && separators.contains(b[i]) { i += 1 }
                guard i < b.count else { break }
                let start = i
                while i < b.count && !separators.contains(b[i]) { i += 1 }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            }
            return out
        }
    }

    /// `words` on Characters (text that is not plain ASCII; the tests' reference).
    static func wordsCharacters(_ s: String, separatedBy separators: [UInt8]) -> [String] {
        s.split(whereSeparator: { c in
            c.asciiValue.map { separators.contains($0) } ?? false
        }).map(String.init)
    }
}

extension String {
    /// ASCII without a line feed: every byte is one Character (CR LF, the one two-byte ASCII
    /// Character, needs the LF), so byte and Character operations agree.
    ///
    /// Read on the contiguous bytes, eight at a time (the `utf8` view's iterator cost ~25
    /// instructions a byte, and this guards every byte path here).
    var isPlainASCII: Bool {
        var s = self
        return s.withUTF8 { b in Ascii.isASCII(b) && !b.contains(0x0A) }
    }

    /// Spaces, tabs and CRs (whole Characters) off both ends. Bytes decide wherever the
    /// neighbouring byte is ASCII (there a byte is a Character, CR LF aside); next to other
    /// bytes, which may join a space into a larger Character, the Character loop decides.
    func trimmingSpaces() -> String {
        var copy = self
        let (head, tail, settled) = copy.withUTF8 { b -> (Int, Int, Bool) in
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
            var i = 0
            while i < b.count, isSpace(b[i]) {
                let next = i + 1 < b.count ? b[i + 1] : 0
                if next >= 0x80 || (b[i] == 0x0D && next == 0x0A) { break }
                i += 1
            }
            var j = b.count
            while j > i, isSpace(b[j - 1]) {
                if j - 2 >= i, b[j - 2] >= 0x80 { break }
                j -= 1
            }
            // Settled on bytes when neither end still shows a space byte (a space Character
            // starts with one): the Character loops below would remove nothing.
            if i == j || (!isSpace(b[i]) && !isSpace(b[j - 1])) { return (i, j, true) }
            return (i, j, false)
        }
        if settled {
            if head == 0 && tail == copy.utf8.count { return self }
            return copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[head..<tail]), as: UTF8.self) }
        }
        let u = utf8
        var s = Substring(u[u.index(u.startIndex, offsetBy: head)..<u.index(u.startIndex, offsetBy: tail)])
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s.utf8.count == u.count ? self : String(s)
    }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
