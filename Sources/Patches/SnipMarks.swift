/// Reviewers cut quoted patches and mark the cut: `<snip>`, `[...]`, `...`, `[ snip ]`,
/// `< truncated lines 465-570 >`. A snip mark ends an open hunk (the rest was cut, so the hunk is
/// incomplete) without ending the patch: more of it usually follows.
public enum SnipMarks {
    public static func isSnip(_ text: String) -> Bool { isSnip(Array(text.utf8)[...]) }

    static func isSnip(_ line: Bytes) -> Bool {
        var s = line.trimmed
        guard let first = s.firstByte, s.count <= 80 else { return false }
        // Only a handful of first bytes can start a snip mark: reject everything else at once.
        guard first == Ascii.dot || first == Ascii.lt || first == Ascii.lbracket
            || first == 0x73 /* s */ || first == 0xE2 /* … */ || first == Ascii.minus
        else { return false }
        if first == Ascii.lt || first == Ascii.lbracket {
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
            return isSnipWord(s) || s.elementsEqual("8<".utf8) || s.elementsEqual(">8".utf8)
        }
        if s.isEmpty { return false }
        if isDots(s) { return true }
        if isSnipWord(s) { return true }
        // `< truncated lines 465-570 >`, `[snipped 40 lines]`, `[... snip ...]`.
        if s.hasPrefixIgnoringCase("truncated") || s.hasPrefixIgnoringCase("snip")
            || s.hasPrefixIgnoringCase("...") || s.hasPrefixIgnoringCase("cut ")
            || s.hasPrefixIgnoringCase("trimmed")
        {
            return true
        }
        return false
    }

    /// `...`, `..`, `....`, `…` (only in a bracketed form for the two-dot one).
    private static func isDots(_ s: Bytes) -> Bool {
        if s.elementsEqual([0xE2, 0x80, 0xA6]) { return true }
        guard s.count >= 2 else { return false }
        for b in s where b != Ascii.dot && b != Ascii.space { return false }
        return true
    }

    private static func isSnipWord(_ s: Bytes) -> Bool {
        let words: [StaticString] = ["snip", "snipped", "snip snip", "cut", "trimmed", "skip"]
        for w in words where s.count == w.utf8CodeUnitCount && s.hasPrefixIgnoringCase(w) {
            return true
        }
        return false
    }
}
