/// Reviewers cut quoted patches and mark the cut: `<snip>`, `[...]`, `...`, `[ snip ]`,
/// `< truncated lines 465-570 >`. A snip mark ends an open hunk (the rest was cut, so the hunk is
/// incomplete) without ending the patch: more of it usually follows.
public enum SnipMarks {
    public static func isSnip(_ text: String) -> Bool { ByteView.of(text, isSnip) }

    static func isSnip(_ line: Bytes) -> Bool {
        // Only a handful of first bytes can start a snip mark (0xE2 leads the UTF-8 of `…`):
        // everything else is refused at its first non-space byte, before the line is trimmed.
        let rest = line.trimmingLeadingSpace
        guard let first = rest.firstByte else { return false }
        switch first {
        case Ascii.dot, Ascii.lt, Ascii.lbracket, UInt8(ascii: "s"), 0xE2, Ascii.minus: break
        default: return false
        }
        var s = rest.trimmingTrailingSpace
        guard s.count <= 80 else { return false }
        var bracketed = false
        if first == Ascii.lt || first == Ascii.lbracket {
            bracketed = true
            let close = first == Ascii.lt ? Ascii.gt : Ascii.rbracket
            guard s.lastByte == close, s.count >= 3 else { return false }
            s = s[(s.startIndex + 1)..<(s.endIndex - 1)].trimmed
        } else if first == Ascii.minus {
            // `-- snip --`, `--- snip ---`, `-8<-`: dashes around the word.
            var a = s.startIndex
            var b = s.endIndex
            while a < b && s[a] == Ascii.minus { a += 1 }
            while b > a && s[b - 1] == Ascii.minus { b -= 1 }
            guard a > s.startIndex, b < s.endIndex else { return false }
            s = s[a..<b].trimmed
            return isSnipWord(s) || isScissors(s)
        }
        if s.isEmpty { return false }
        if isDots(s) { return true }
        if isSnipWord(s) { return true }
        // `< truncated lines 465-570 >`, `[snipped 40 lines]`, `[... snip ...]`: free text is
        // only trusted inside brackets.
        if bracketed,
            s.hasPrefixIgnoringCase("truncated") || s.hasPrefixIgnoringCase("snip")
                || s.hasPrefixIgnoringCase("...") || s.hasPrefixIgnoringCase("cut ")
                || s.hasPrefixIgnoringCase("trimmed")
        {
            return true
        }
        return false
    }

    /// `...`, `..`, `....`, `…` (only in a bracketed form for the two-dot one).
    private static func isDots(_ s: Bytes) -> Bool {
        if s.count == 3 && s[s.startIndex] == 0xE2 && s[s.startIndex + 1] == 0x80
            && s[s.startIndex + 2] == 0xA6
        {
            return true
        }
        guard s.count >= 2 else { return false }
        for b in s where b != Ascii.dot && b != Ascii.space { return false }
        return true
    }

    /// `8<` or `>8` between dashes: a "cut here" line.
    private static func isScissors(_ s: Bytes) -> Bool {
        guard s.count == 2 else { return false }
        let a = s[s.startIndex]
        let b = s[s.startIndex + 1]
        return (a == 0x38 && b == Ascii.lt) || (a == Ascii.gt && b == 0x38)
    }

    private static func isSnipWord(_ s: Bytes) -> Bool {
        let words: [StaticString] = ["snip", "snipped", "snip snip", "cut", "trimmed", "skip"]
        for w in words where s.count == w.utf8CodeUnitCount && s.hasPrefixIgnoringCase(w) {
            return true
        }
        return false
    }
}
