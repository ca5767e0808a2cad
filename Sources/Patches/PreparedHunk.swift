/// A hunk's lines as bytes, ready for matching and writing: `\ No newline` markers folded into
/// the line before them, the pre-image (context + removed) and post-image (context + added)
/// picked out, and the context at each end counted for fuzz.
struct PreparedHunk {
    struct Line {
        var kind: DiffLine.Kind
        /// The text as written in the diff (a CRLF source keeps its `\r`).
        var raw: [UInt8]
        /// `raw` without a trailing `\r`: what is compared.
        var content: [UInt8]
        var noNewline: Bool
    }

    var lines: [Line] = []
    /// Indices into `lines` of context and removed lines, in order.
    var pre: [Int] = []
    /// Indices into `lines` of context and added lines, in order.
    var post: [Int] = []
    var leadingContext = 0
    var trailingContext = 0
    /// Some line carries a `\r`: the hunk was taken byte for byte from a text (an effective or
    /// reverse diff), so its line endings are meant as written rather than borrowed from the base.
    var explicitLineEndings = false

    init(_ hunk: Hunk) {
        lines.reserveCapacity(hunk.lines.count)
        for line in hunk.lines {
            if line.kind == .noNewline {
                if !lines.isEmpty { lines[lines.count - 1].noNewline = true }
                continue
            }
            // The line's UTF-8 as stored: no String on the way.
            let raw = Array(line.content.bytes)
            if raw.last == Ascii.cr { explicitLineEndings = true }
            if line.kind != .added { pre.append(lines.count) }
            if line.kind != .removed { post.append(lines.count) }
            lines.append(Line(kind: line.kind, raw: raw, content: LineText.strippingCR(raw), noNewline: false))
        }
        leadingContext = lines.prefix { $0.kind == .context }.count
        trailingContext = lines.reversed().prefix { $0.kind == .context }.count
        if leadingContext == lines.count { trailingContext = 0 }
    }

    var hasChanges: Bool { lines.contains { $0.kind != .context } }
    var addedOnly: Bool { pre.isEmpty }

    /// Lines from `first` to `end` (exclusive) of the `lines` array, as contents to compare.
    func contents(_ indices: ArraySlice<Int>) -> [[UInt8]] { indices.map { lines[$0].content } }

    /// The range of `lines` left after dropping `lead` leading and `trail` trailing context lines.
    func trimmed(lead: Int, trail: Int) -> Range<Int> { lead..<(lines.count - trail) }
}
