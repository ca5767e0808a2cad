/// `@@ -a[,b] +c[,d] @@[ section]`. Mail can carry anything after `@@`, so numbers are read
/// without trapping and a header that cannot be believed says so instead of driving allocations.
enum HunkHeaderParser {
    struct Parsed {
        var oldStart: Int
        var oldLines: Int
        var newStart: Int
        var newLines: Int
        var section: String?
        /// Numbers missing, negative or too large: the counts cannot be trusted.
        var bad: Bool
    }

    static func isHunkHeader(_ s: Bytes) -> Bool {
        s.hasPrefix("@@ -") || s.hasPrefix("@@@ -")
    }

    static func parse(_ s: Bytes) -> Parsed? {
        guard s.hasPrefix("@@ ") else {
            // Combined diffs (`@@@`) are not applied by this tool; read them as unknown counts.
            return s.hasPrefix("@@@ ")
                ? Parsed(oldStart: 0, oldLines: 0, newStart: 0, newLines: 0, section: nil, bad: true)
                : nil
        }
        var k = s.startIndex + 3
        var bad = false
        func range(_ sign: UInt8) -> (Int, Int) {
            guard k < s.endIndex, s[k] == sign else {
                bad = true
                return (0, 0)
            }
            k += 1
            let (start, e1) = DecimalReader.read(s, at: k)
            k = e1
            var count: Int? = 1
            if k < s.endIndex && s[k] == Ascii.comma {
                let (c, e2) = DecimalReader.read(s, at: k + 1)
                count = c
                k = e2
            }
            guard let st = start, let ct = count else {
                bad = true
                return (0, 0)
            }
            return (st, ct)
        }
        let (os, ol) = range(Ascii.minus)
        while k < s.endIndex && s[k] == Ascii.space { k += 1 }
        let (ns, nl) = range(Ascii.plus)
        // The closing `@@`, then the section.
        var section: String? = nil
        if let close = s.firstRange(of: "@@", from: k) {
            let between = s[k..<close]
            if !between.isBlank { bad = true }
            let sec = s[(close + 2)...]
            let text = sec.first == Ascii.space ? sec.dropFirst() : sec
            let trimmed = text.trimmingTrailingSpace
            section = trimmed.isEmpty ? nil : trimmed.string
        } else {
            bad = true
        }
        return Parsed(
            oldStart: os, oldLines: ol, newStart: ns, newLines: nl, section: section, bad: bad)
    }

    /// The function (or struct tag) a section names: the identifier before the first `(`, the
    /// tag of `struct name {`, the last identifier of a truncated declaration; nil for labels
    /// (`oom:`) and empty sections.
    static func functionName(fromSection section: String) -> String? {
        ByteView.of(section, functionName)
    }

    static func functionName(_ raw: Bytes) -> String? {
        let s = raw.trimmed
        guard !s.isEmpty else { return nil }
        if let paren = s.firstIndex(of: Ascii.lparen) {
            return identifier(endingBefore: paren, in: s)
        }
        var end = s.endIndex
        if s.lastByte == Ascii.lbrace {
            end -= 1
        } else if s.lastByte == Ascii.colon {
            return nil
        }
        // `struct zap_details {`, `static struct page *pte_get_reclaim_page`.
        if let eq = s.firstIndex(of: Ascii.equals), eq < end { end = eq }
        return identifier(endingBefore: end, in: s)
    }

    /// The identifier whose last byte is just before `end` (spaces skipped).
    static func identifier(endingBefore end: Int, in s: Bytes) -> String? {
        var e = end
        while e > s.startIndex && Ascii.isSpace(s[e - 1]) { e -= 1 }
        var b = e
        while b > s.startIndex && Ascii.isIdent(s[b - 1]) { b -= 1 }
        guard b < e, !Ascii.isDigit(s[b]) else { return nil }
        return s[b..<e].string
    }
}
