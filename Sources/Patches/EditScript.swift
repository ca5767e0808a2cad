/// A line-level edit script from an old text to a new one (runs of keep/delete/insert) and the
/// unified-diff hunks it reads as. The applier records one while it writes its output; the
/// interdiff gets one from `LineDiff`. Either way the hunks come out as `git diff` would write
/// them: changes grouped when fewer than 2×context kept lines separate them, removed lines before
/// added lines in each change.

struct EditScript: Sendable, Equatable {
    enum Op: UInt8, Sendable { case keep, delete, insert }
    struct Run: Sendable, Equatable {
        var op: Op
        var count: Int
    }
    private(set) var runs: [Run] = []

    mutating func append(_ op: Op, _ count: Int = 1) {
        guard count > 0 else { return }
        if let last = runs.last, last.op == op {
            runs[runs.count - 1].count += count
        } else {
            runs.append(Run(op: op, count: count))
        }
    }

    /// The last kept line was changed after all (a terminator added to it): delete + insert.
    mutating func replaceLastKept() {
        guard let last = runs.last, last.op == .keep else { return }
        runs[runs.count - 1].count -= 1
        if runs[runs.count - 1].count == 0 { runs.removeLast() }
        append(.delete)
        append(.insert)
    }

    var isIdentity: Bool { runs.allSatisfy { $0.op == .keep } }

    /// One maximal run of changes: old lines `old` replaced by new lines `new` (0-based).
    struct Change {
        var old: Range<Int>
        var new: Range<Int>
    }

    var changes: [Change] {
        var out: [Change] = []
        var o = 0
        var n = 0
        var current: Change?
        for run in runs {
            switch run.op {
            case .keep:
                if let c = current { out.append(c) }
                current = nil
                o += run.count
                n += run.count
            case .delete:
                if current == nil { current = Change(old: o..<o, new: n..<n) }
                o += run.count
                current!.old = current!.old.lowerBound..<o
            case .insert:
                if current == nil { current = Change(old: o..<o, new: n..<n) }
                n += run.count
                current!.new = current!.new.lowerBound..<n
            }
        }
        if let c = current { out.append(c) }
        return out
    }

    func hunks(old: LineTable, new: LineTable, context: Int) -> [Hunk] {
        hunks(
            oldCount: old.count, newCount: new.count, context: context,
            oldLine: { (old.text($0), old.hasTerminator($0)) },
            newLine: { (new.text($0), new.hasTerminator($0)) },
            section: { HunkSection.find(before: $0, in: old) })
    }

    /// `oldLine`/`newLine` give a line's text and whether it ends with a newline; `section` the
    /// hunk header's section text for a hunk starting at an old line.
    func hunks(
        oldCount: Int, newCount: Int, context: Int,
        oldLine: (Int) -> (String, Bool), newLine: (Int) -> (String, Bool),
        section: (Int) -> String?
    ) -> [Hunk] {
        let changes = self.changes
        var hunks: [Hunk] = []
        var g = 0
        while g < changes.count {
            // Group changes whose kept gap is at most 2×context lines.
            var last = g
            while last + 1 < changes.count
                && changes[last + 1].old.lowerBound - changes[last].old.upperBound <= 2 * context
            {
                last += 1
            }
            let lead = min(context, changes[g].old.lowerBound)
            let oldStart = changes[g].old.lowerBound - lead
            let newStart = changes[g].new.lowerBound - lead
            let trail = min(context, oldCount - changes[last].old.upperBound)
            let oldEnd = changes[last].old.upperBound + trail
            let newEnd = changes[last].new.upperBound + trail
            var lines: [DiffLine] = []
            var o = oldStart
            var n = newStart
            func keepUntil(_ limit: Int) {
                while o < limit {
                    let (text, newline) = newLine(n)
                    lines.append(DiffLine(kind: .context, text: text, oldLine: o + 1, newLine: n + 1, sourceID: -1))
                    if !newline { lines.append(DiffLine(kind: .noNewline, text: noNewlineText, sourceID: -1)) }
                    o += 1
                    n += 1
                }
            }
            for c in changes[g...last] {
                keepUntil(c.old.lowerBound)
                for i in c.old {
                    let (text, newline) = oldLine(i)
                    lines.append(DiffLine(kind: .removed, text: text, oldLine: i + 1, sourceID: -1))
                    if !newline { lines.append(DiffLine(kind: .noNewline, text: noNewlineText, sourceID: -1)) }
                }
                for i in c.new {
                    let (text, newline) = newLine(i)
                    lines.append(DiffLine(kind: .added, text: text, newLine: i + 1, sourceID: -1))
                    if !newline { lines.append(DiffLine(kind: .noNewline, text: noNewlineText, sourceID: -1)) }
                }
                o = c.old.upperBound
                n = c.new.upperBound
            }
            keepUntil(oldEnd)
            let oldCountInHunk = oldEnd - oldStart
            let newCountInHunk = newEnd - newStart
            let sectionText = section(oldStart)
            hunks.append(
                Hunk(
                    header: UnifiedDiffWriter.hunkHeader(
                        oldStart: oldCountInHunk > 0 ? oldStart + 1 : oldStart, oldLines: oldCountInHunk,
                        newStart: newCountInHunk > 0 ? newStart + 1 : newStart, newLines: newCountInHunk,
                        section: sectionText),
                    oldStart: oldCountInHunk > 0 ? oldStart + 1 : oldStart, oldLines: oldCountInHunk,
                    newStart: newCountInHunk > 0 ? newStart + 1 : newStart, newLines: newCountInHunk,
                    section: sectionText,
                    function: sectionText.flatMap { DiffScanner.functionName(fromSection: $0) },
                    lines: lines))
            g = last + 1
        }
        return hunks
    }
}

/// What `\ No newline at end of file` holds as DiffLine text (the scanner keeps the text after `\`).
let noNewlineText = " No newline at end of file"

/// The section text git puts after a hunk header: the nearest line above the hunk that starts
/// with a letter, `_` or `$` (git's default funcname rule), looked for a bounded way back.
enum HunkSection {
    static func find(before index: Int, in table: LineTable, limit: Int = 4000) -> String? {
        var i = index - 1
        let stop = max(-1, index - 1 - limit)
        while i > stop {
            let r = table.contentRange(i)
            if let first = r.first.map({ table.bytes[$0] }),
                Ascii.isLetter(first) || first == Ascii.underscore || first == 0x24
            {
                // git cuts the section at 80 bytes; keep whole characters.
                let text = String(decoding: table.bytes[r], as: UTF8.self)
                return text.count > 80 ? String(text.prefix(80)) : text
            }
            i -= 1
        }
        return nil
    }
}
