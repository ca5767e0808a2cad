/// Diff lines with no header to vouch for them: a reviewer quotes a run of `+` lines without the
/// `@@` above them, or the tail of a hunk whose header was snipped. Plenty of prose also starts
/// with `+` or `-` (`+Hugh Dickins for further consultation`, `- The page gets unmapped.`), so a
/// run counts only when it reads as code.
enum FragmentDetector {
    /// The end (exclusive) of the header-less run of `+`/`-` lines starting at `start`, and whether
    /// it reads as code. The run may go on across other levels' interruptions and over blank (or,
    /// raw, space-prefixed context) lines between its `+`/`-` lines.
    static func headerlessRun(_ input: ScanInput, from start: Int) -> (end: Int, readsAsCode: Bool) {
        guard isRunLine(input.text(start)) else { return (start + 1, false) }
        var lastDiffLine = start
        var j = start + 1
        while j < input.end {
            let t = input.text(j)
            if isRunLine(t) {
                lastDiffLine = j
            } else if t.isEmpty || (!input.collapsed && t.firstByte == Ascii.space && !t.isBlank) {
                // Blank or context inside the run: kept only if a `+`/`-` line follows.
            } else {
                break
            }
            j += 1
        }
        let end = lastDiffLine + 1
        return (end, readsAsCode(input, start..<end))
    }

    /// A `+`/`-` line that is not a file header, separator or signature line.
    static func isRunLine(_ t: Bytes) -> Bool {
        guard let first = t.firstByte, first == Ascii.plus || first == Ascii.minus else {
            return false
        }
        if FileHeaderParser.isMinusPath(t) || FileHeaderParser.isPlusPath(t) { return false }
        if first == Ascii.minus {
            // `---`, `-- `, `-----` rules and separators are not removed lines of a fragment.
            if t.trimmingTrailingSpace.allSatisfy({ $0 == Ascii.minus }) && t.count >= 2 {
                return false
            }
        }
        if first == Ascii.plus && t.count >= 2 && t.trimmingTrailingSpace.allSatisfy({ $0 == Ascii.plus }) {
            return false
        }
        return true
    }

    /// A majority of code lines (C punctuation, keywords, bare `+`), few prose lines, and at least
    /// two lines unless the one line is unmistakably code.
    static func readsAsCode(_ input: ScanInput, _ range: Range<Int>) -> Bool {
        var total = 0
        var code = 0
        var prose = 0
        var lastText = ByteView.empty
        for k in range {
            let t = input.text(k)
            guard let first = t.firstByte, first == Ascii.plus || first == Ascii.minus else {
                continue
            }
            total += 1
            let body = t.dropFirst()
            lastText = body
            if body.isBlank {
                code += 1
            } else if ProseHeuristics.looksLikeProse(body) {
                prose += 1
            } else if ProseHeuristics.looksLikeCode(body) {
                code += 1
            }
        }
        guard total > 0 else { return false }
        if total == 1 { return prose == 0 && clearlyCode(lastText) }
        return code * 2 > total && prose * 4 < total
    }

    /// A statement or definition line: ends in `;`, `{` or `}`, or a preprocessor line.
    static func clearlyCode(_ body: Bytes) -> Bool {
        let s = body.trimmed
        guard let first = s.firstByte, let last = s.lastByte else { return false }
        if first == Ascii.hash {
            return s.hasPrefix("#if") || s.hasPrefix("#define") || s.hasPrefix("#include")
                || s.hasPrefix("#else") || s.hasPrefix("#endif")
        }
        if last == Ascii.semicolon || last == Ascii.lbrace || last == Ascii.rbrace {
            return ProseHeuristics.looksLikeCode(s)
        }
        return false
    }

    /// Lines directly before a file header (no blank line between) that are the tail of a hunk
    /// whose header was snipped: they must follow a snip mark, the stream start, another level's
    /// interruption or a patch's end, and read as code. Returns their range.
    static func snippedTail(
        _ input: ScanInput, before header: Int, floor: Int, isClaimed: (Int) -> Bool
    ) -> Range<Int>? {
        guard header > floor, !input.interrupted(header) else { return nil }
        var k = header
        while k > floor {
            let prev = k - 1
            if isClaimed(prev) || SnipMarks.isSnip(input.text(prev)) { break }
            let t = input.text(prev)
            // A blank line before the block makes it a paragraph of someone's text.
            if t.isBlank { return nil }
            if TrailerParser.isTrailer(t) || DiffstatParser.parse(t) != nil { return nil }
            k = prev
            if input.interrupted(prev) { break }
        }
        guard k < header else { return nil }
        var code = 0
        var prose = 0
        for j in k..<header {
            var t = input.text(j)
            if let f = t.firstByte, f == Ascii.plus || f == Ascii.minus || f == Ascii.space {
                t = t.dropFirst()
            }
            if t.isBlank || ProseHeuristics.looksLikeCode(t) {
                code += 1
            } else if ProseHeuristics.looksLikeProse(t) {
                prose += 1
            }
        }
        let n = header - k
        guard code * 2 >= n, prose * 2 < n else { return nil }
        return k..<header
    }
}
