/// Tells a line of English from a line of C. Needed where the diff syntax alone is ambiguous:
/// `+Hugh Dickins for further consultation` or a `- The page gets unmapped.` bullet start like diff
/// lines but are prose; a quoted run of `+` lines with no header is a diff only if it reads as code.
public enum ProseHeuristics {
    /// Words, sentence case or a sentence end, and none of the punctuation C lines are made of.
    public static func looksLikeProse(_ text: String) -> Bool { ByteView.of(text, looksLikeProse) }

    /// C punctuation (`;{}=`), a preprocessor line, a comment line or a keyword statement.
    public static func looksLikeCode(_ text: String) -> Bool { ByteView.of(text, looksLikeCode) }

    static func looksLikeProse(_ line: Bytes) -> Bool {
        let s = line.trimmed
        guard let first = s.firstByte else { return false }
        // Comment lines and preprocessor lines read like English but are code.
        if first == Ascii.star || first == Ascii.hash || s.hasPrefix("/*") || s.hasPrefix("//") {
            return false
        }
        var words = 0
        var plainWords = 0
        var codeMarks = 0
        var k = s.startIndex
        while k < s.endIndex {
            while k < s.endIndex && Ascii.isSpace(s[k]) { k += 1 }
            if k == s.endIndex { break }
            let start = k
            while k < s.endIndex && !Ascii.isSpace(s[k]) { k += 1 }
            words += 1
            let w = s[start..<k]
            if isPlainWord(w) { plainWords += 1 }
            for b in w where b == Ascii.semicolon || b == Ascii.lbrace || b == Ascii.rbrace {
                codeMarks += 1
            }
            if isOperatorWord(w) { codeMarks += 1 }
        }
        if codeMarks > 0 || words < 3 { return false }
        // Mostly dictionary-like words, and some sign of a sentence.
        guard plainWords * 10 >= words * 6 else { return false }
        let last = s.lastByte ?? 0
        let sentenceEnd =
            last == Ascii.dot || last == Ascii.question || last == Ascii.bang
            || last == Ascii.colon
        let sentenceStart = Ascii.isUpper(first)
        return sentenceEnd || sentenceStart || plainWords >= 5
    }

    static func looksLikeCode(_ line: Bytes) -> Bool {
        let s = line.trimmed
        guard let first = s.firstByte else { return false }
        if looksLikeProse(s) { return false }
        if first == Ascii.hash || first == Ascii.star || s.hasPrefix("/*") || s.hasPrefix("//") {
            return true
        }
        for b in s {
            switch b {
            case Ascii.semicolon, Ascii.lbrace, Ascii.rbrace, Ascii.equals: return true
            default: continue
            }
        }
        let last = s.lastByte ?? 0
        // A call or declaration continued on the next line, or closed here.
        if last == Ascii.comma || last == Ascii.lparen || last == Ascii.rparen
            || last == Ascii.backslash || last == Ascii.colon
        {
            return s.contains("(") || s.contains(")") || isIdentifierLabel(s) || last == Ascii.comma
        }
        return startsWithKeyword(s)
    }

    /// `=`, `==`, `&&`, `||`, `->` standing alone between spaces.
    @inline(__always) private static func isOperatorWord(_ w: Bytes) -> Bool {
        let a = w[w.startIndex]
        if w.count == 1 { return a == Ascii.equals }
        guard w.count == 2 else { return false }
        let b = w[w.startIndex + 1]
        return (a == Ascii.equals && b == Ascii.equals) || (a == Ascii.amp && b == Ascii.amp)
            || (a == Ascii.pipe && b == Ascii.pipe) || (a == Ascii.minus && b == Ascii.gt)
    }

    /// `fallback:`, `out:`: a goto label.
    static func isIdentifierLabel(_ s: Bytes) -> Bool {
        guard s.count >= 2, s.lastByte == Ascii.colon else { return false }
        for b in s.dropLast() where !Ascii.isIdent(b) { return false }
        return true
    }

    static func startsWithKeyword(_ s: Bytes) -> Bool {
        let keywords: [StaticString] = [
            "if ", "if(", "for ", "for(", "while ", "while(", "return", "switch", "case ", "else",
            "goto ", "break", "continue", "static ", "struct ", "unsigned ", "int ", "void ",
            "const ", "long ", "bool ", "char ", "enum ", "union ", "extern ", "inline ", "do ",
            "typedef ", "sizeof",
        ]
        for k in keywords where s.hasPrefix(k) { return true }
        return false
    }

    /// Letters with at most an apostrophe, hyphen or trailing punctuation: `it's`, `write-back,`.
    private static func isPlainWord(_ w: Bytes) -> Bool {
        var e = w.endIndex
        while e > w.startIndex {
            let b = w[e - 1]
            if b == Ascii.dot || b == Ascii.comma || b == Ascii.question || b == Ascii.bang
                || b == Ascii.colon || b == Ascii.rparen || b == Ascii.quote
            {
                e -= 1
            } else {
                break
            }
        }
        var s = w.startIndex
        while s < e && (w[s] == Ascii.lparen || w[s] == Ascii.quote) { s += 1 }
        guard s < e else { return false }
        var letters = 0
        for k in s..<e {
            let b = w[k]
            if Ascii.isLetter(b) || b >= 0x80 {
                letters += 1
            } else if b == Ascii.apostrophe || b == Ascii.minus || b == Ascii.slash {
                continue
            } else {
                return false
            }
        }
        return letters > 0
    }
}
