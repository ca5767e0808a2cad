/// Applies the hunks of one FileDiff to a base text: pure, text in, text and reports out.
///
/// Each hunk climbs a ladder and stops at the first rung that places it: exact at the stated
/// line (moved by the offset of the hunk before, like GNU patch), exact at an offset (nearest
/// first, both directions), whitespace-insensitive, then fuzz 1 and 2 (leading/trailing context
/// dropped, whitespace-insensitive). Two places equally near on one rung are an error, not a
/// choice. A hunk that places nowhere is looked for reversed (already applied) before it fails.
/// Then the output is written in one pass over the base: kept lines are the base's bytes.
public enum PatchApplier {
    public static func apply(_ file: FileDiff, to base: [UInt8], options: ApplyOptions = .init()) -> AppliedFile {
        var session = ApplySession(file: file, base: LineTable(base), options: options)
        return session.run()
    }

    public static func apply(_ file: FileDiff, to base: String, options: ApplyOptions = .init()) -> AppliedFile {
        apply(file, to: Array(base.utf8), options: options)
    }

    /// Places a header-less fragment before 1-based base line `line` (line count + 1 appends):
    /// added-only fragments are `inserted` there (re-indented if they lost their indentation);
    /// fragments with context or removed lines are matched from there like any hunk.
    public static func insert(
        fragment: Hunk, at line: Int, into base: [UInt8], path: String? = nil, options: ApplyOptions = .init()
    ) -> AppliedFile {
        var options = options
        options.insertionPoints = [0: line]
        var hunk = fragment
        hunk.isFragment = true
        return apply(FileDiff(path: path, hunks: [hunk]), to: base, options: options)
    }
}

/// One application: the matcher (with its lazily built index), the placements so far, the
/// running offset, and the reports.
private struct ApplySession {
    let file: FileDiff
    let base: LineTable
    let options: ApplyOptions
    var matcher: HunkMatcher
    var placements = PlacementSet()
    var prepared: [PreparedHunk?]
    var reports: [HunkReport] = []
    var runningOffset = 0

    init(file: FileDiff, base: LineTable, options: ApplyOptions) {
        self.file = file
        self.base = base
        self.options = options
        matcher = HunkMatcher(base: base, maxPlaces: options.maxPlaces, maxOffset: options.maxOffset)
        prepared = Array(repeating: nil, count: file.hunks.count)
    }

    struct Step {
        var comparison: HunkMatcher.Comparison
        var lead: Int
        var trail: Int
        var fuzz: Int

        /// Only needed for messages: not built on the hot path.
        var name: String {
            fuzz > 0 ? "fuzz \(fuzz)" : comparison == .exact ? "exact" : "whitespace-insensitive"
        }
    }

    mutating func run() -> AppliedFile {
        reports.reserveCapacity(file.hunks.count)
        for (h, hunk) in file.hunks.enumerated() {
            if file.isBinary {
                reports.append(HunkReport(hunk: h, status: .skipped("binary file")))
                continue
            }
            let p = PreparedHunk(hunk)
            prepared[h] = p
            if hunk.isFragment {
                guard let line = options.insertionPoints[h] else {
                    reports.append(
                        HunkReport(hunk: h, status: .skipped("fragment without position: needs an insertion point")))
                    continue
                }
                reports.append(placeFragment(h, p, line: line))
            } else {
                let stated = p.addedOnly ? hunk.oldStart : max(hunk.oldStart - 1, 0)
                reports.append(climb(h, hunk, p, stated: stated, fromHeader: true))
            }
        }
        return write()
    }

    private func location(_ h: Int, _ line: Int) -> ApplyLocation {
        ApplyLocation(path: file.path ?? file.newPath ?? file.oldPath, line: max(1, line + 1), hunk: h + 1)
    }

    private mutating func placeFragment(_ h: Int, _ p: PreparedHunk, line: Int) -> HunkReport {
        guard line >= 1 && line <= base.count + 1 else {
            return HunkReport(
                hunk: h, status: .failed(.insertionOutOfRange(location(h, line - 1), lineCount: base.count)))
        }
        if !p.addedOnly {
            return climb(h, file.hunks[h], p, stated: line - 1, fromHeader: false)
        }
        let at = line - 1
        // A block already there (a function added twice) is not added again.
        let added = p.contents(p.post[...])
        if options.detectAlreadyApplied && added.filter({ !$0.allSatisfy(LineText.isSpace) }).count >= 2 {
            if case .found(let s) = matcher.search(added, expected: at, .ignoringWhitespace, isFree: { _ in true }) {
                return HunkReport(hunk: h, status: .alreadyApplied, baseLine: s + 1)
            }
        }
        if let other = placements.conflict(at..<at) {
            return HunkReport(hunk: h, status: .failed(overlap(h, at, other)))
        }
        let reindent = options.reindent == .automatic && Self.looksCollapsed(p)
        placements.insert(.init(hunk: h, start: at, length: 0, lines: 0..<p.lines.count, reindent: reindent))
        return HunkReport(
            hunk: h, status: .inserted, baseLine: line,
            repairs: reindent ? ["added lines re-indented by brace depth"] : [])
    }

    private func overlap(_ h: Int, _ at: Int, _ other: PlacementSet.Placement) -> ApplyError {
        .overlaps(location(h, at), hunk: other.hunk + 1, lines: (other.start + 1)...max(other.end, other.start + 1))
    }

    private func steps(_ p: PreparedHunk) -> [Step] {
        var steps = [
            Step(comparison: .exact, lead: 0, trail: 0, fuzz: 0),
            Step(comparison: .ignoringWhitespace, lead: 0, trail: 0, fuzz: 0),
        ]
        for f in stride(from: 1, through: options.maxFuzz, by: 1) {
            let lead = min(f, p.leadingContext)
            let trail = min(f, p.trailingContext)
            guard let last = steps.last, lead != last.lead || trail != last.trail,
                lead + trail < p.pre.count
            else { continue }
            steps.append(Step(comparison: .ignoringWhitespace, lead: lead, trail: trail, fuzz: f))
        }
        return steps
    }

    /// The ladder for one hunk whose pre-image is expected at base line `stated` (0-based).
    private mutating func climb(_ h: Int, _ hunk: Hunk, _ p: PreparedHunk, stated: Int, fromHeader: Bool)
        -> HunkReport
    {
        let expected = stated + (fromHeader ? runningOffset : 0)
        var blocked: (start: Int, length: Int)?
        for step in steps(p) {
            let range = p.trimmed(lead: step.lead, trail: step.trail)
            let pre = p.pre.filter { range.contains($0) }
            let lines = p.contents(pre[...])
            let occupied = placements
            let outcome = matcher.search(
                lines, expected: expected + step.lead, step.comparison, isFree: { occupied.isFree($0) })
            switch outcome {
            case .found(let start):
                return commit(
                    h, hunk, p, step, start: start, range: range, pre: pre, stated: stated + step.lead,
                    fromHeader: fromHeader)
            case .ambiguous(let starts):
                return HunkReport(
                    hunk: h,
                    status: .failed(.ambiguous(location(h, expected), lines: starts.map { $0 + 1 }, step: step.name)))
            case .tooMany(let starts):
                return HunkReport(
                    hunk: h,
                    status: .failed(
                        .tooManyPlaces(
                            location(h, expected), atLeast: options.maxPlaces, nearest: starts.map { $0 + 1 })))
            case .blocked(let start):
                if blocked == nil { blocked = (start, lines.count) }
            case .none:
                continue
            }
        }
        if options.detectAlreadyApplied && p.hasChanges && !p.post.isEmpty {
            let post = p.contents(p.post[...])
            let postExpected = (fromHeader && hunk.newStart > 0 ? hunk.newStart - 1 : stated) + runningOffset
            for comparison in [HunkMatcher.Comparison.exact, .ignoringWhitespace] {
                switch matcher.search(post, expected: postExpected, comparison, isFree: { _ in true }) {
                case .found(let s), .blocked(let s):
                    return HunkReport(hunk: h, status: .alreadyApplied, baseLine: s + 1)
                case .ambiguous(let s), .tooMany(let s):
                    return HunkReport(
                        hunk: h, status: .alreadyApplied, baseLine: s[0] + 1,
                        repairs: ["post-image found at several places"])
                case .none:
                    continue
                }
            }
        }
        if let blocked, let other = placements.conflict(blocked.start..<(blocked.start + blocked.length)) {
            return HunkReport(hunk: h, status: .failed(overlap(h, expected, other)))
        }
        let pre = p.contents(p.pre[...])
        var near: NearMiss?
        if let c = matcher.closest(pre, expected: expected) {
            let baseIndex = c.start + c.firstMismatch
            near = NearMiss(
                line: c.start + 1, matched: c.matched, total: pre.count, hunkLine: p.pre[c.firstMismatch] + 1,
                hunkText: String(decoding: pre[c.firstMismatch], as: UTF8.self), baseLine: baseIndex + 1,
                baseText: baseIndex < base.count ? base.text(baseIndex) : nil)
        }
        return HunkReport(hunk: h, status: .failed(.noMatch(location(h, expected), closest: near)))
    }

    private mutating func commit(
        _ h: Int, _ hunk: Hunk, _ p: PreparedHunk, _ step: Step, start: Int, range: Range<Int>, pre: [Int],
        stated: Int, fromHeader: Bool
    ) -> HunkReport {
        let offset = start - stated
        if fromHeader { runningOffset = offset }
        var repairs: [String] = []
        var reindent = false
        let status: HunkStatus
        switch step.comparison {
        case .exact:
            status = !fromHeader && p.addedOnly ? .inserted : (offset == 0 ? .exact : .offset(offset))
        case .ignoringWhitespace:
            status = step.fuzz == 0 ? .whitespace : .fuzz(step.fuzz)
            repairs.append("context matched ignoring whitespace")
            reindent = options.reindent == .automatic && leadingWhitespaceDiffers(p, pre, at: start)
        }
        if step.fuzz > 0 {
            repairs.append(
                "dropped \(step.lead) leading and \(step.trail) trailing context lines (fuzz \(step.fuzz))")
        }
        if reindent { repairs.append("added lines re-indented by brace depth") }
        if hunk.header != nil && (p.pre.count != hunk.oldLines || p.post.count != hunk.newLines) {
            repairs.append(
                "header counts -\(hunk.oldLines) +\(hunk.newLines) do not match the lines "
                    + "(\(p.pre.count) old, \(p.post.count) new): the lines were used")
        }
        placements.insert(.init(hunk: h, start: start, length: pre.count, lines: range, reindent: reindent))
        return HunkReport(hunk: h, status: status, baseLine: start + 1, offset: offset, repairs: repairs)
    }

    /// The mail lost indentation if a kept or removed line's leading whitespace is not the base's.
    private func leadingWhitespaceDiffers(_ p: PreparedHunk, _ pre: [Int], at start: Int) -> Bool {
        for (k, i) in pre.enumerated() {
            let r = base.contentRange(start + k)
            let baseIndent = base.bytes[r.lowerBound..<LineText.indentEnd(base.bytes, r)]
            let content = p.lines[i].content
            let hunkIndent = content[0..<LineText.indentEnd(content, 0..<content.count)]
            if LineText.isBlank(base.bytes, r) && hunkIndent.isEmpty { continue }
            if !baseIndent.elementsEqual(hunkIndent) { return true }
        }
        return false
    }

    /// An added-only fragment with braces but no line indented by a tab lost its indentation.
    private static func looksCollapsed(_ p: PreparedHunk) -> Bool {
        let added = p.lines.filter { $0.kind == .added }
        guard added.count > 1 else { return false }
        return !added.contains { $0.content.first == Ascii.tab }
            && added.contains { $0.content.contains(Ascii.lbrace) }
    }

    // MARK: Writing

    private mutating func write() -> AppliedFile {
        var writer = OutputWriter(base: base)
        for placement in placements.items {
            guard let p = prepared[placement.hunk] else { continue }
            writer.copyBase(upTo: placement.start)
            reports[placement.hunk].outputLine = writer.lineCount + 1
            writer.write(placement, p)
        }
        writer.copyBase(upTo: base.count)
        return AppliedFile(
            path: file.path ?? file.newPath ?? file.oldPath, output: writer.out, reports: reports, base: base.bytes,
            script: writer.script)
    }
}
