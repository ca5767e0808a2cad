/// Reads a hunk's body after its `@@` line, letting the header's counts decide what each line is
/// and where the hunk ends: complete when both counts are used up, early (incomplete) at a new
/// header, a snip mark, a line whose kind would overflow its count, prose (raw mode) or the end.
/// Quoted diffs are damaged: a collapsed archive render lost every context line's leading space,
/// mailers eat the space of blank context lines or turn it into a tab-only line; each repair is
/// recorded once per hunk.
struct HunkBodyReader {
    let input: ScanInput
    /// Where a new hunk, file or patch starts (the scanner's own test, so both agree).
    let structure: DiffStructure

    struct Result {
        var lines: [DiffLine] = []
        /// Input index of each line in `lines`.
        var indices: [Int] = []
        /// Index of the first line not consumed.
        var next: Int
        var complete: Bool
        var repairs: [Repair] = []
    }

    /// Counts at or above this are not believed (no allocation is ever sized by them).
    static let implausibleCount = 10_000_000

    func read(header: HunkHeaderParser.Parsed, function: String?, at h: Int) -> Result {
        let collapsed = input.collapsed
        let headerID = input.id(h)
        var result = Result(next: h + 1, complete: false)
        if !header.bad {
            // At most old + new lines (context counts on both sides); growing from empty
            // reallocated ~5 times a hunk. Capped: counts in quoted mail can lie.
            let capacity = min(max(0, header.oldLines) + max(0, header.newLines), 512)
            result.lines.reserveCapacity(capacity)
            result.indices.reserveCapacity(capacity)
        }
        var repairs: [Repair] = []
        // An unbelievable header: read what looks like diff lines, trust no count.
        let unbounded = header.bad
        var oldLeft = unbounded ? Int.max : header.oldLines
        var newLeft = unbounded ? Int.max : header.newLines
        var oldNo = header.oldStart
        var newNo = header.newStart
        var tracker = FunctionTracker(initial: function, collapsed: collapsed)
        var lostSpace = 0
        var lostSpaceFirst: Int? = nil
        var blankContext = 0
        var blankFirst: Int? = nil
        var overflowed = false
        var damagedRepairDone = false
        var k = h + 1

        func append(_ kind: DiffLine.Kind, _ body: Bytes, _ k: Int) {
            let fn = tracker.observe(kind, body)
            // The numbers first, then one DiffLine built in place with the memberwise init (see
            // DiffLine's note: other ways copied and destroyed each line once more).
            var oldNumber = OptionalNumber.none
            var newNumber = OptionalNumber.none
            switch kind {
            case .context:
                if !unbounded {
                    oldNumber = oldNo
                    newNumber = newNo
                    oldLeft -= 1
                    newLeft -= 1
                }
                oldNo &+= 1
                newNo &+= 1
            case .added:
                if !unbounded {
                    newNumber = newNo
                    newLeft -= 1
                }
                newNo &+= 1
            case .removed:
                if !unbounded {
                    oldNumber = oldNo
                    oldLeft -= 1
                }
                oldNo &+= 1
            case .noNewline:
                break
            }
            result.lines.append(
                DiffLine(
                    kind: kind, content: input.owned(body), function: fn, sourceID: input.id(k),
                    oldNumber: oldNumber, newNumber: newNumber))
            result.indices.append(k)
        }

        scan: while k < input.end {
            if !unbounded && oldLeft == 0 && newLeft == 0 { break }
            if structure.startsStructure(k) { break }
            let t = input.text(k)
            if SnipMarks.isSnip(t) { break }
            guard let first = t.firstByte else {
                // An empty line: a blank context line whose space was eaten, unless it sits
                // between the quoted part and what follows it.
                if oldLeft >= 1 && newLeft >= 1
                    && (collapsed || (oldLeft == 1 && newLeft == 1) || continuesHunk(k + 1))
                {
                    blankContext += 1
                    if blankFirst == nil { blankFirst = input.id(k) }
                    append(.context, t, k)
                    k += 1
                    continue
                }
                break
            }
            if first == Ascii.minus && structure.isVersionFooter(k) { break }
            var kind: DiffLine.Kind
            var body = t.dropFirst()
            var lostItsSpace = false
            switch first {
            case Ascii.plus:
                kind = .added
            case Ascii.minus:
                kind = .removed
            case Ascii.space:
                kind = .context
            case Ascii.backslash where t.hasPrefix("\\ "):
                append(.noNewline, body, k)
                k += 1
                continue scan
            case Ascii.tab where !collapsed:
                kind = .context
                body = t
                lostItsSpace = true
            default:
                // Raw mode: the reviewer's own text at this level; the hunk was cut here.
                if !collapsed || unbounded { break scan }
                kind = .context
                body = t
                lostItsSpace = true
            }
            // Does the line fit the counts?
            let fits: Bool
            switch kind {
            case .added: fits = newLeft >= 1
            case .removed: fits = oldLeft >= 1
            case .context: fits = oldLeft >= 1 && newLeft >= 1
            case .noNewline: fits = true
            }
            if !fits {
                // A context line with the old side used up while the new side still waits: a
                // continuation of an added line whose `+` a mailer turned into spaces fits the
                // counts exactly when read as added. Repair that once, else the hunk ends here.
                if kind == .context && oldLeft == 0 && newLeft >= 1 && !collapsed
                    && !damagedRepairDone,
                    let fixed = reinterpretSpaceDamagedLine(&result)
                {
                    damagedRepairDone = true
                    oldLeft += 1
                    oldNo -= 1
                    repairs.append(
                        Repair(
                            code: "context-as-added",
                            message:
                                "a space-indented line after an added line was read as added so the counts fit",
                            sourceID: fixed))
                    continue scan
                }
                overflowed = true
                break scan
            }
            if lostItsSpace {
                lostSpace += 1
                if lostSpaceFirst == nil { lostSpaceFirst = input.id(k) }
            }
            append(kind, body, k)
            k += 1
        }
        // `\ No newline at end of file` belongs to the line before, even after the counts.
        while k < input.end, input.text(k).hasPrefix("\\ ") {
            append(.noNewline, input.text(k).dropFirst(), k)
            k += 1
        }
        result.next = k
        return finish(
            &result, repairs: &repairs, header: header, headerID: headerID, oldLeft: oldLeft,
            newLeft: newLeft, unbounded: unbounded, overflowed: overflowed, lostSpace: lostSpace,
            lostSpaceFirst: lostSpaceFirst, blankContext: blankContext, blankFirst: blankFirst,
            collapsed: collapsed, endedAt: k)
    }

    // swiftlint-style parameter lists are long here, but each is one fact about the read.
    private func finish(
        _ result: inout Result, repairs: inout [Repair], header: HunkHeaderParser.Parsed,
        headerID: Int, oldLeft: Int, newLeft: Int, unbounded: Bool, overflowed: Bool,
        lostSpace: Int, lostSpaceFirst: Int?, blankContext: Int, blankFirst: Int?,
        collapsed: Bool, endedAt: Int
    ) -> Result {
        if lostSpace > 0 {
            repairs.append(
                .contextWithoutSpace(lostSpace, sourceID: lostSpaceFirst))
        }
        if blankContext > 0 && !collapsed {
            repairs.append(
                Repair(
                    code: "blank-context",
                    message: "\(blankContext) empty line(s) read as blank context lines",
                    sourceID: blankFirst))
        }
        if unbounded {
            result.complete = false
            repairs.append(
                Repair(
                    code: "bad-header",
                    message: "hunk header numbers are missing, negative or too large; counts ignored",
                    sourceID: headerID))
        } else if oldLeft == 0 && newLeft == 0 {
            result.complete = true
        } else {
            result.complete = false
            let lineID = endedAt < input.end ? input.id(endedAt) : nil
            repairs.append(
                Repair(
                    code: "hunk-truncated",
                    message:
                        "hunk ends \(oldLeft) old and \(newLeft) new line(s) short of its header",
                    sourceID: lineID ?? headerID))
            if overflowed {
                repairs.append(
                    Repair(
                        code: "count-mismatch",
                        message:
                            "a line does not fit the header's counts (\(header.oldLines) old, \(header.newLines) new)",
                        sourceID: lineID))
            }
            let remaining = input.end - (result.indices.last ?? endedAt)
            if max(header.oldLines, header.newLines) >= Self.implausibleCount
                || max(oldLeft, newLeft) > 4 * max(remaining, 0) + 1000
            {
                repairs.append(
                    Repair(
                        code: "header-lies",
                        message:
                            "header claims \(header.oldLines) old / \(header.newLines) new lines, far more than follow",
                        sourceID: headerID))
            }
        }
        result.repairs = repairs
        return result
    }

    /// Whether line `k` would continue the hunk (so an empty line before it is blank context).
    private func continuesHunk(_ k: Int) -> Bool {
        guard k < input.end else { return false }
        let t = input.text(k)
        guard let f = t.firstByte else { return true }
        if f == Ascii.plus || f == Ascii.minus || f == Ascii.space || f == Ascii.tab {
            return !structure.startsStructure(k)
        }
        return t.hasPrefix("\\ ")
    }

    /// Finds the last context line that is an added line's space-indented continuation and makes
    /// it an added line; returns its source id.
    private func reinterpretSpaceDamagedLine(_ result: inout Result) -> Int? {
        var j = result.lines.count - 1
        while j >= 1 {
            let line = result.lines[j]
            if line.kind == .context, line.text.hasPrefix("  "),
                result.lines[j - 1].kind == .added
            {
                result.lines[j].kind = .added
                result.lines[j].oldLine = nil
                // Later lines' old numbers move up by one.
                for m in (j + 1)..<result.lines.count {
                    if let o = result.lines[m].oldLine { result.lines[m].oldLine = o - 1 }
                }
                return line.sourceID
            }
            j -= 1
        }
        return nil
    }
}

/// The format-patch signature: `-- ` then the git version (`2.28.0.218.gc12ef3d349`, `1.9.0`).
enum VersionFooter {
    static func isSeparator(_ t: Bytes) -> Bool {
        t.count >= 2 && t.count <= 3 && t.hasPrefix("--") && (t.count == 2 || t.last == Ascii.space)
    }

    static func version(_ t: Bytes) -> String? {
        let s = t.trimmed
        guard let f = s.firstByte, Ascii.isDigit(f), s.count <= 48 else { return nil }
        var dots = 0
        for b in s {
            if b == Ascii.dot {
                dots += 1
            } else if !(Ascii.isIdent(b) || b == Ascii.minus || b == Ascii.plus) {
                return nil
            }
        }
        return dots >= 1 ? s.string : nil
    }
}
