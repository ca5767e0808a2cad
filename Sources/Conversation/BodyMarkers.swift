/// Recognises the parts of a body that are nobody's comment: signatures, list footers, sign-offs,
/// greetings, snip and truncation marks, separators. All checks take the line's content (quote
/// marks removed) as a String; callers only build that String for prose lines.
public enum BodyMarkers {
    /// `-- ` or `--` alone: what follows at this level is a signature.
    public static func isSignatureSeparator(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        return t == "--"
    }

    private static let footerPrefixes: [String] = [
        "to unsubscribe", "more majordomo info", "please read the faq",
        "_______________________________________________", "linux-kernel mailing list",
        "linux-mm mailing list", "linux-arm-kernel mailing list", "linuxppc-dev mailing list",
        "don't email: <a href", "dont email: <a href", "you received this message because you are subscribed",
        "to view this discussion on the web", "see: http://www.linux-mm.org",
    ]

    /// The first line of a mailing-list footer.
    public static func isListFooter(_ s: String) -> Bool {
        guard startsWithOneOf("tmp_ldys", s) else { return false }
        let t = s.trimmingSpaces().lowercasedASCIIFast()
        guard t.count >= 10 else { return false }
        return footerPrefixes.contains(where: { t.hasPrefix($0) })
    }

    /// Whether the first byte after leading spaces, tabs and CRs is one of `bytes` (letters in
    /// either case). A refusal here is exact: a check's every pattern starts with one of those
    /// bytes, and no non-ASCII Character lower-cases to one of them (the Kelvin sign gives `k`,
    /// capital I with dot gives `i`, neither listed; `…` adds its lead byte 0xE2). It spares
    /// lower-casing whole lines.
    static func startsWithOneOf(_ bytes: StaticString, _ s: String) -> Bool {
        guard let b = s.utf8.first(where: { !ProseBytes.isTrimmed($0) }) else { return false }
        let lower = ProseBytes.lower(b)
        return bytes.withUTF8Buffer { $0.contains(lower) }
    }

    /// `<snip>`, `[...]`, `[ snip ]`, `...`, `< truncated lines 465-570 >`, `[snipped]`.
    public static func isSnipMark(_ s: String) -> Bool {
        guard startsWithOneOf("<[s.(-8…", s) else { return false }
        // Measured before lower-casing, which costs thousands of instructions on a long line and
        // never joins two Characters into one.
        let trimmed = s.trimmingSpaces()
        if trimmed.isEmpty || trimmed.count > 60 { return false }
        let t = trimmed.lowercasedASCIIFast()
        if isTruncationMark(t) { return true }
        let bare = t.filter { $0 != " " }
        return snipMarks.contains(bare)
    }

    /// Built once: as a literal in `isSnipMark` it was built on every call (~70,000 instructions).
    static let snipMarks: Set<String> = [
        "<snip>", "[snip]", "<snipped>", "[snipped]", "snip", "...", "[...]", "[..]", "<...>",
        "(...)", "[…]", "…", "--snip--", "---snip---", "<snip/>", "[trimmed]", "<trim>", "[cut]",
        "...snip...", "[...snip...]", "----8<----", "---8<---", "-->8--", "8<",
    ]

    /// hypermail's `< truncated lines 465-570 >` and similar archive marks.
    public static func isTruncationMark(_ s: String) -> Bool {
        let t = s.trimmingSpaces().lowercasedASCIIFast()
        return t.hasPrefix("< truncated lines") || t.hasPrefix("<truncated lines")
            || t.hasPrefix("[truncated") || t.hasPrefix("[ truncated")
    }

    static let greetingWords: Set<String> = [
        "hi", "hello", "hey", "dear", "hallo", "howdy", "morning",
    ]
    static let closingWords: Set<String> = [
        "thanks", "thanks!", "thanks.", "thank you", "thank you.", "thank you!", "thx", "thx.",
        "cheers", "cheers.", "regards", "best regards", "kind regards", "br", "ta", "ta.",
        "thanks a lot", "many thanks", "best", "cheers!", "sincerely",
    ]

    /// `Hi Ryan,` / `Hello,` alone on a line.
    public static func isGreeting(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        guard t.count <= 40, let first = t.split(separator: " ").first else { return false }
        let w = String(first).lowercasedASCIIFast().trimmingCharacters(in: ",!.")
        return greetingWords.contains(w) && t.split(separator: " ").count <= 4
            && !t.contains("?")
    }

    /// `Thanks,` / `Cheers` / `Regards,` alone on a line.
    public static func isClosing(_ s: String) -> Bool {
        let t = s.trimmingSpaces().lowercasedASCIIFast().trimmingCharacters(in: ",")
        return closingWords.contains(t)
    }

    /// A sign-off: a short name alone on the last line of a comment (`Honza`, `Hugh`, `Linus`,
    /// `-- Steve`). `author` helps when the sign-off is a name part; nicknames pass by shape.
    public static func isSignOff(_ s: String, author: String?) -> Bool {
        var t = s.trimmingSpaces()
        if t.hasPrefix("-") { t = t.trimmingCharacters(in: "- ") }
        // Counted on bytes for plain ASCII (one Character a byte): most lines are long
        // sentences, and counting their Characters cost more than the rest of the test.
        guard !t.isEmpty, t.isPlainASCII ? t.utf8.count <= 30 : t.count <= 30 else { return false }
        let words = t.split(separator: " ")
        guard words.count <= 3 else { return false }
        if let author {
            let parts = Set(author.lowercasedASCIIFast().split(separator: " ").map(String.init))
            if words.allSatisfy({ parts.contains(String($0).lowercasedASCIIFast().trimmingCharacters(in: ".,")) }) {
                return true
            }
        }
        // By shape: capitalised word(s), letters only, no sentence punctuation.
        guard words.count <= 2 else { return false }
        for w in words {
            guard let f = w.first, f.isUppercase else { return false }
            if !w.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" }) { return false }
        }
        return true
    }

    /// A separator line (`===`, `***`, `----`): structure, not words. A lone `?` is a question.
    public static func isSeparatorOnly(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        guard t.count >= 2, let f = t.first, "=-*~_#".contains(f) else { return false }
        return t.allSatisfy { $0 == f || $0 == " " }
    }
}
