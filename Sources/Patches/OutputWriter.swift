/// Writes the patched text in one pass over the base, recording the edit script as it goes:
/// runs of base lines are copied as bytes (their own terminators), context lines of a hunk are
/// the base's bytes too, added lines get the base's line ending where they go (or their own,
/// for a hunk taken byte for byte from a CRLF text).
struct OutputWriter {
    let base: LineTable
    var out: [UInt8] = []
    var script = EditScript()
    var lineCount = 0
    private var cursor = 0
    /// The output's last line has no terminator yet.
    private enum Unterminated { case keptLine, addedLine }
    private var unterminated: Unterminated?

    init(base: LineTable) {
        self.base = base
        out.reserveCapacity(base.bytes.count + base.bytes.count / 16 + 64)
    }

    mutating func copyBase(upTo end: Int) {
        guard end > cursor else { return }
        terminateLastLine()
        out.append(contentsOf: base.bytes[base.starts[cursor]..<base.starts[end]])
        script.append(.keep, end - cursor)
        lineCount += end - cursor
        if !base.hasTerminator(end - 1) { unterminated = .keptLine }
        cursor = end
    }

    mutating func write(_ placement: PlacementSet.Placement, _ p: PreparedHunk) {
        var reindenter: Reindenter?
        if placement.reindent {
            let from = max(0, placement.start - 40)
            reindenter = Reindenter(priming: (from..<placement.start).map { base.bytes[base.contentRange($0)] })
        }
        var b = placement.start
        var lastKept: Int?
        for i in placement.lines {
            let line = p.lines[i]
            switch line.kind {
            case .context:
                terminateLastLine()
                out.append(contentsOf: base.bytes[base.fullRange(b)])
                script.append(.keep)
                lineCount += 1
                reindenter?.observe(base.bytes[base.contentRange(b)])
                if !base.hasTerminator(b) { unterminated = .keptLine }
                lastKept = b
                b += 1
            case .removed:
                script.append(.delete)
                b += 1
            case .added:
                let text = reindenter?.indent(line.content[...]) ?? line.raw
                let terminator: LineTerminator
                if line.noNewline {
                    terminator = .none
                } else if p.explicitLineEndings {
                    // `raw` keeps its `\r`; a re-indented line lost it and gets it back here.
                    terminator = reindenter != nil && line.raw.last == Ascii.cr ? .crlf : .lf
                } else {
                    terminator = neighbourTerminator(lastKept: lastKept, next: b, start: placement.start)
                }
                terminateLastLine()
                out.append(contentsOf: text)
                out.append(contentsOf: terminator.bytes)
                script.append(.insert)
                lineCount += 1
                if terminator == .none { unterminated = .addedLine }
            case .noNewline:
                break
            }
        }
        cursor = b
    }

    /// A line is about to follow one without terminator: give that one a `\n` (a kept base line
    /// so changed is recorded as replaced, so the effective diff shows it).
    private mutating func terminateLastLine() {
        guard let u = unterminated else { return }
        out.append(Ascii.lf)
        if u == .keptLine { script.replaceLastKept() }
        unterminated = nil
    }

    /// The line ending of the base where an added line goes: the kept line before it, else the
    /// base line after it, else the one before the hunk; LF when the base has none.
    private func neighbourTerminator(lastKept: Int?, next: Int, start: Int) -> LineTerminator {
        for i in [lastKept, next < base.count ? next : nil, start > 0 ? start - 1 : nil] {
            if let i, base.hasTerminator(i) { return base.terminator(i) }
        }
        return .lf
    }
}
