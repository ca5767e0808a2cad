/// One pass over one quote level's lines, building patches as it goes. Every line is looked at a
/// bounded number of times: forward reads consume what they claim, and the two backward looks (a
/// commit message before `---`, a snipped hunk tail before a file header) stop at the previous
/// patch's end, so the whole scan stays linear in the input.
struct ScanMachine {
    let input: ScanInput
    let structure: DiffStructure
    private(set) var roles: [LineRole]
    private(set) var patches: [Patch] = []
    private(set) var repairs: [Repair] = []

    /// The patch being built; its index in `patches` will be `patches.count`.
    private var open: Patch? = nil
    private var openFirst: Int? = nil
    private var openLast = 0
    /// The open file showed `---`/`+++` (or `Index:`) and waits for its first hunk: a reviewer's
    /// text may sit in between without ending the patch.
    private var awaitingHunk = false
    /// Backward looks never go below this: lines before belong to earlier patches.
    private var floor = 0

    init(input: ScanInput) {
        self.input = input
        let end = input.end
        let count = input.count
        structure = DiffStructure(input: input)
        roles = Array(repeating: .prose, count: count)
        if count > end {
            repairs.append(
                Repair(
                    code: "limit",
                    message: "scan stopped after \(end) of \(count) lines (maxLines)",
                    sourceID: end < count ? input.id(end) : nil))
        }
    }

    mutating func run() -> DiffScan {
        var i = 0
        while i < input.end {
            i = step(i)
        }
        closePatch()
        return DiffScan(patches: patches, roles: roles, repairs: repairs)
    }

    // MARK: - Dispatch

    /// Handles the construct starting at line `i` and returns the next line to look at.
    private mutating func step(_ i: Int) -> Int {
        let t = input.text(i)
        guard let first = t.firstByte else { return i + 1 }
        switch first {
        case UInt8(ascii: "F"):
            if FormatPatchHeader.commit(fromMboxLine: t) != nil { return readFormatPatch(i) }
        case Ascii.minus:
            if isSeparatorLine(t), let next = trySeparator(i) { return next }
            if open.map({ !$0.files.isEmpty }) == true, isVersionFooter(i) {
                return readVersionFooter(i)
            }
        case Ascii.at:
            if HunkHeaderParser.isHunkHeader(t) { return readHunk(i) }
        default:
            break
        }
        if isFileHeaderStart(i) { return readFileHeader(i) }
        if SnipMarks.isSnip(t) {
            roles[i] = .snip
            return i + 1
        }
        if t.isBlank { return i + 1 }
        if first == Ascii.plus || first == Ascii.minus {
            let run = FragmentDetector.headerlessRun(input, from: i)
            if run.readsAsCode {
                makeFragment(i..<run.end, headerless: true)
                return run.end
            }
            // Prose that starts with `+`/`-`: skip the whole run, so no line of it starts
            // another look at the same run.
            onProse(i)
            return run.end
        }
        onProse(i)
        return i + 1
    }

    /// Someone's text at this level: it ends a patch whose diff has started, except between a
    /// file's `+++` and its first `@@` where reviewers do put comments.
    private mutating func onProse(_ i: Int) {
        guard let p = open else { return }
        if !p.files.isEmpty && !awaitingHunk { closePatch() }
    }

    // MARK: - Structure tests

    private func isSeparatorLine(_ t: Bytes) -> Bool {
        t.hasPrefix("---") && t.dropping(3).isBlank
    }

    private func isVersionFooter(_ i: Int) -> Bool { structure.isVersionFooter(i) }

    private func isFileHeaderStart(_ i: Int) -> Bool { structure.isFileHeaderStart(i) }
    private func startsStructure(_ k: Int) -> Bool { structure.startsStructure(k) }

    private func isClaimed(_ k: Int) -> Bool {
        switch roles[k] {
        case .prose, .snip: return false
        default: return true
        }
    }

    // MARK: - Patch lifecycle

    private var patchIndex: Int { patches.count }

    private mutating func openPatch() {
        closePatch()
        open = Patch()
        openFirst = nil
        awaitingHunk = false
    }

    private mutating func claim(_ i: Int, _ role: LineRole) {
        roles[i] = role
        if openFirst == nil || i < openFirst! { openFirst = i }
        if i > openLast { openLast = i }
    }

    private mutating func closePatch() {
        guard var p = open else { return }
        open = nil
        awaitingHunk = false
        let first = openFirst ?? openLast
        p.firstLineID = input.id(first)
        p.lastLineID = input.id(max(openLast, first))
        floor = max(floor, openLast + 1)
        if let stat = p.diffstat, !p.files.isEmpty, !p.isFragment,
            p.files.allSatisfy({ $0.hunks.allSatisfy(\.complete) })
        {
            p.repairs += DiffstatParser.check(stat, files: p.files, sourceID: statID)
        }
        statID = nil
        patches.append(p)
    }

    private var statID: Int? = nil

    // MARK: - Format-patch mail: in-body header, commit message, `---`, diffstat

    private mutating func readFormatPatch(_ i: Int) -> Int {
        openPatch()
        let (header, next, _) = FormatPatchHeader.read(
            input.text, start: i, end: input.end, collapsed: input.collapsed)
        open!.header = header
        for k in i..<next { claim(k, .patchHeader(patch: patchIndex)) }
        var k = next
        while k < input.end {
            let t = input.text(k)
            if isSeparatorLine(t) {
                trimCommitMessage()
                claim(k, .separator(patch: patchIndex))
                return readStatZone(k + 1)
            }
            if startsStructure(k) || isVersionFooter(k) { break }
            takeCommitMessageLine(k)
            k += 1
        }
        trimCommitMessage()
        return k
    }

    private mutating func takeCommitMessageLine(_ k: Int) {
        let t = input.text(k)
        if let trailer = TrailerParser.parse(t) {
            open!.trailers.append(trailer)
            claim(k, .trailer(patch: patchIndex))
        } else if SnipMarks.isSnip(t) {
            roles[k] = .snip
        } else {
            open!.commitMessage.append(t.isBlank ? "" : t.string)
            claim(k, .commitMessage(patch: patchIndex))
        }
    }

    /// Blank lines before and after the message are layout, not message.
    private mutating func trimCommitMessage() {
        while open?.commitMessage.last == "" { open!.commitMessage.removeLast() }
        while open?.commitMessage.first == "" { open!.commitMessage.removeFirst() }
    }

    /// After `---`: the diffstat, maybe notes, until the diff starts.
    private mutating func readStatZone(_ start: Int) -> Int {
        var k = start
        var sawSummary = false
        while k < input.end {
            let t = input.text(k)
            if startsStructure(k) || isVersionFooter(k) { break }
            if let line = DiffstatParser.parse(t) {
                var stat = open!.diffstat ?? Diffstat()
                switch line {
                case .entry(let e): stat.entries.append(e)
                case .summary(let f, let ins, let del):
                    stat.filesChanged = f
                    stat.insertions = ins
                    stat.deletions = del
                    sawSummary = true
                    statID = input.id(k)
                case .modeLine: break
                }
                open!.diffstat = stat
                claim(k, .diffstat(patch: patchIndex))
            } else if SnipMarks.isSnip(t) {
                roles[k] = .snip
            } else if !t.isBlank && sawSummary {
                // Text after the diffstat: the diff was not quoted (yet).
                break
            }
            k += 1
        }
        return k
    }

    /// A bare `---` with no in-body header before it: a quoted patch mail if the text before
    /// ends in trailers, or a diffstat or diff follows.
    private mutating func trySeparator(_ i: Int) -> Int? {
        guard confirmsSeparator(i) else { return nil }
        openPatch()
        backtrackCommitMessage(before: i)
        claim(i, .separator(patch: patchIndex))
        return readStatZone(i + 1)
    }

    private func confirmsSeparator(_ i: Int) -> Bool {
        if paragraphBeforeHasTrailer(i) { return true }
        var k = i + 1
        var firstContent = true
        while k < input.end {
            let t = input.text(k)
            if t.isBlank {
                k += 1
                continue
            }
            if isFileHeaderStart(k) || HunkHeaderParser.isHunkHeader(t) {
                return firstContent
            }
            if let line = DiffstatParser.parse(t) {
                if firstContent { return true }
                if case .summary = line { return true }
            }
            if isSeparatorLine(t) || FormatPatchHeader.commit(fromMboxLine: t) != nil {
                return false
            }
            firstContent = false
            k += 1
        }
        return false
    }

    /// Whether the last non-blank line before `i` is a trailer: trailers close a commit message,
    /// so a message proves itself by its end. Looking no further keeps the walk bounded (only
    /// the blank lines in between are passed, and each blank run only once).
    private func paragraphBeforeHasTrailer(_ i: Int) -> Bool {
        var k = i - 1
        while k >= floor && !isClaimed(k) && input.isBlank(k) { k -= 1 }
        guard k >= floor && !isClaimed(k) else { return false }
        return TrailerParser.isTrailer(input.text(k))
    }

    /// Claims the lines before `end` back to the stream start, the previous patch or a nested
    /// attribution (`... wrote:`) as this patch's commit message, with a leading `From:` block as
    /// its header.
    private mutating func backtrackCommitMessage(before end: Int) {
        var lo = end
        while lo > floor && !isClaimed(lo - 1) {
            let t = input.text(lo - 1)
            if t.trimmingTrailingSpace.hasSuffix("wrote:") { break }
            lo -= 1
        }
        while lo < end && input.isBlank(lo) { lo += 1 }
        guard lo < end else { return }
        var k = lo
        if let (field, _) = FormatPatchHeader.field(input.text(lo)),
            field == .from || field == .subject || field == .date
        {
            let (header, next, _) = FormatPatchHeader.read(
                input.text, start: lo, end: end, collapsed: input.collapsed)
            if open!.header == nil { open!.header = header }
            for j in lo..<next { claim(j, .patchHeader(patch: patchIndex)) }
            k = next
        }
        while k < end {
            takeCommitMessageLine(k)
            k += 1
        }
        trimCommitMessage()
    }

    private mutating func readVersionFooter(_ i: Int) -> Int {
        open!.versionFooter = VersionFooter.version(input.text(i + 1))
        claim(i, .versionFooter(patch: patchIndex))
        claim(i + 1, .versionFooter(patch: patchIndex))
        closePatch()
        return i + 2
    }

    // MARK: - Diffs

    /// A diff starts at `i` with no patch open: the lines before may be a snipped hunk's tail or
    /// a commit message ending in trailers.
    private mutating func startPatchForDiff(at i: Int) {
        if let tail = FragmentDetector.snippedTail(
            input, before: i, floor: floor, isClaimed: { isClaimed($0) })
        {
            makeFragment(tail, headerless: false)
        }
        openPatch()
        if paragraphBeforeHasTrailer(i) { backtrackCommitMessage(before: i) }
    }

    private mutating func readFileHeader(_ i: Int) -> Int {
        if open == nil { startPatchForDiff(at: i) }
        let fileIndex = open!.files.count
        var file = FileDiff()
        let role = LineRole.fileHeader(patch: patchIndex, file: fileIndex)
        var k = i
        var sawCommand = false
        var sawIndexColon = false
        var sawMinus = false
        awaitingHunk = false
        header: while k < input.end {
            let t = input.text(k)
            if FileHeaderParser.isDiffCommand(t) && !sawCommand && !sawMinus && !sawIndexColon
                || (FileHeaderParser.isDiffCommand(t) && k == i)
            {
                if case .diffCommand(let old, let new) = FileHeaderParser.parseDiffCommand(t) {
                    file.oldPath = old
                    file.newPath = new
                }
                sawCommand = true
            } else if t.hasPrefix("Index: ") && !sawIndexColon && !sawMinus && k == i {
                let p = DiffPath.normalise(t.dropping(7))
                file.oldPath = p
                file.newPath = p
                sawIndexColon = true
                awaitingHunk = true
            } else if FileHeaderParser.isMinusPath(t) && !sawMinus && k + 1 < input.end
                && FileHeaderParser.isPlusPath(input.text(k + 1))
            {
                let raw = t.dropping(4)
                file.oldPath = DiffPath.normalise(raw)
                if raw.trimmed.hasPrefix("/dev/null") { file.isNew = true }
                sawMinus = true
            } else if FileHeaderParser.isPlusPath(t) && (sawMinus || k == i) {
                let raw = t.dropping(4)
                file.newPath = DiffPath.normalise(raw)
                if raw.trimmed.hasPrefix("/dev/null") { file.isDeleted = true }
                claim(k, role)
                k += 1
                awaitingHunk = true
                break header
            } else if !sawMinus, let ext = FileHeaderParser.parseExtended(t) {
                apply(ext, to: &file)
                if case .gitBinaryPatch = ext {
                    claim(k, role)
                    k = skipBinaryData(k + 1, role: role)
                    continue
                }
            } else {
                break
            }
            claim(k, role)
            k += 1
        }
        file.path = file.newPath ?? file.oldPath
        if file.isDeleted { file.path = file.oldPath }
        open!.files.append(file)
        return k
    }

    private func apply(_ line: FileHeaderParser.Line, to file: inout FileDiff) {
        switch line {
        case .index(let old, let new, let mode):
            file.oldBlob = old
            file.newBlob = new
            if let m = mode {
                file.oldMode = file.oldMode ?? m
                file.newMode = file.newMode ?? m
            }
        case .newFileMode(let m):
            file.isNew = true
            file.newMode = m
        case .deletedFileMode(let m):
            file.isDeleted = true
            file.oldMode = m
        case .oldMode(let m): file.oldMode = m
        case .newMode(let m): file.newMode = m
        case .renameFrom(let p):
            file.renameFrom = p
            file.oldPath = p
        case .renameTo(let p):
            file.renameTo = p
            file.newPath = p
        case .copyFrom(let p): file.oldPath = p
        case .copyTo(let p): file.newPath = p
        case .binaryDiffer, .gitBinaryPatch: file.isBinary = true
        case .similarity, .diffCommand, .equalsRule: break
        }
    }

    /// `GIT binary patch` data: `literal N`/`delta N` blocks of base85 lines, each ended by a blank
    /// line. None of it is diff text.
    private mutating func skipBinaryData(_ start: Int, role: LineRole) -> Int {
        var k = start
        while k < input.end {
            let t = input.text(k)
            guard t.hasPrefix("literal ") || t.hasPrefix("delta ") else { break }
            claim(k, role)
            k += 1
            while k < input.end && !input.isBlank(k) && !startsStructure(k) {
                claim(k, role)
                k += 1
            }
            if k < input.end && input.isBlank(k) {
                claim(k, role)
                k += 1
            }
        }
        return k
    }

    private mutating func readHunk(_ h: Int) -> Int {
        if open == nil { startPatchForDiff(at: h) }
        if open!.files.isEmpty { open!.files.append(FileDiff()) }
        awaitingHunk = false
        let fileIndex = open!.files.count - 1
        let hunkIndex = open!.files[fileIndex].hunks.count
        let t = input.text(h)
        let parsed =
            HunkHeaderParser.parse(t)
            ?? .init(oldStart: 0, oldLines: 0, newStart: 0, newLines: 0, section: nil, bad: true)
        let function = parsed.section.flatMap { HunkHeaderParser.functionName(fromSection: $0) }
        let reader = HunkBodyReader(input: input, structure: structure)
        let body = reader.read(header: parsed, function: function, at: h)
        var hunk = Hunk(
            header: t.trimmingTrailingSpace.string, oldStart: parsed.oldStart,
            oldLines: parsed.oldLines, newStart: parsed.newStart, newLines: parsed.newLines,
            section: parsed.section, function: function, lines: body.lines,
            complete: body.complete, repairs: body.repairs)
        if parsed.bad { hunk.complete = false }
        claim(h, .hunkHeader(patch: patchIndex, file: fileIndex, hunk: hunkIndex))
        for (n, k) in body.indices.enumerated() {
            claim(k, .diffLine(patch: patchIndex, file: fileIndex, hunk: hunkIndex, line: n))
        }
        open!.files[fileIndex].hunks.append(hunk)
        return body.next
    }

    // MARK: - Fragments

    /// A fragment patch of its own: a header-less run, or a hunk tail whose header was snipped.
    private mutating func makeFragment(_ range: Range<Int>, headerless: Bool) {
        openPatch()
        open!.isFragment = true
        makeFragmentHunk(range, headerless: headerless)
        closePatch()
    }

    /// One fragment hunk in a file of unknown path; no line numbers.
    private mutating func makeFragmentHunk(_ range: Range<Int>, headerless: Bool) {
        var tracker = FunctionTracker(initial: nil, collapsed: input.collapsed)
        var hunk = Hunk(complete: false, isFragment: true)
        var lostSpace = 0
        for k in range {
            let t = input.text(k)
            var kind = DiffLine.Kind.context
            var body = t
            switch t.firstByte {
            case Ascii.plus?:
                kind = .added
                body = t.dropFirst()
            case Ascii.minus?:
                kind = .removed
                body = t.dropFirst()
            case Ascii.space?:
                body = t.dropFirst()
            case Ascii.backslash? where t.hasPrefix("\\ "):
                kind = .noNewline
                body = t.dropFirst()
            case nil:
                break
            default:
                lostSpace += 1
            }
            let fn = tracker.observe(kind, body)
            claim(k, .diffLine(patch: patchIndex, file: 0, hunk: 0, line: hunk.lines.count))
            hunk.lines.append(
                DiffLine(
                    kind: kind, content: input.owned(body), function: fn, sourceID: input.id(k),
                    oldNumber: OptionalNumber.none, newNumber: OptionalNumber.none))
        }
        hunk.function = hunk.lines.first?.function
        hunk.repairs.append(
            Repair(
                code: headerless ? "headerless-fragment" : "snipped-hunk-header",
                message: headerless
                    ? "diff lines quoted without a file or hunk header"
                    : "hunk tail quoted after its header was snipped",
                sourceID: input.id(range.lowerBound)))
        if lostSpace > 0 && !input.collapsed {
            hunk.repairs.append(
                .contextWithoutSpace(lostSpace, sourceID: input.id(range.lowerBound)))
        }
        open!.files.append(FileDiff(hunks: [hunk]))
    }
}
