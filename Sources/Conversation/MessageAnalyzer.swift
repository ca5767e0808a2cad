import Mail
import Patches

/// A patch found in one message, at one quote level.
struct LocalPatch {
    var level: Int
    var patch: Patch
    var author: LevelAuthors.Entry
    /// The attribution's date text for quoted patches without an in-body Date.
    var dateText: String?
}

/// A comment found in one message, before it is tied to the thread's patch list.
struct LocalComment {
    var level: Int
    var firstLine: Int
    var lastLine: Int
    var author: LevelAuthors.Entry
    var text: String
    var trailers: [Trailer]
    /// The body line it answers; nil when nothing is quoted before it.
    var anchorLine: Int?
}

/// What one message says: its lines by level and role, authors per level, patches and comments.
struct MessageAnalysis {
    var lines: [QuotedLine]
    var roles: [BodyRole]
    /// For lines claimed by a patch: which local patch (index into `patches`); by body line.
    var linePatch: [Int?]
    var patches: [LocalPatch]
    var comments: [LocalComment]
    var authors: LevelAuthors
    var levelLineCounts: [Int: Int]
    var diagnostics: [Diagnostic]
    /// Line index → index in `comments` for lines that are part of a comment.
    var lineComment: [Int?]
    /// `From:`/`Subject:`/`Date:` at the start of the body, overriding the mail's for its patch.
    var inBody: InBodyHeaders
}

/// Limits that keep one hostile message from taking the run down.
public struct ConversationLimits: Sendable {
    /// How far back (in lines) a comment looks for the line it answers.
    public var anchorLookback = 20_000
    /// Bodies with more lines than this are analysed up to the limit, and marked partial.
    public var maxLines = 2_000_000
    public init() {}
}

enum MessageAnalyzer {
    static func analyze(
        _ message: Message, ancestors: [String?], limits: ConversationLimits = .init()
    ) -> MessageAnalysis {
        var memo = ThreadMemo()
        return analyze(message, ancestors: ancestors, limits: limits, memo: &memo)
    }

    static func analyze(
        _ message: Message, ancestors: [String?], limits: ConversationLimits = .init(), memo: inout ThreadMemo
    ) -> MessageAnalysis {
        var diagnostics: [Diagnostic] = []
        let body = message.body
        var (lines, clamped) = QuoteSplitter.split(body)
        let here = { (line: Int) in
            SourceLocation(file: message.source.file, line: message.source.line + line, column: 1)
        }
        if clamped > 0 {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, location: here(0), code: "quote.too-deep",
                    message:
                        "\(clamped) line(s) quoted deeper than \(QuoteSplitter.maxLevel) levels; counted as level \(QuoteSplitter.maxLevel)"
                ))
        }
        if lines.count > limits.maxLines {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, location: here(limits.maxLines), code: "limit.lines",
                    message: "body has \(lines.count) lines; only the first \(limits.maxLines) were analysed"))
            lines.removeSubrange(limits.maxLines...)
        }
        let n = lines.count
        var roles = [BodyRole](repeating: .blank, count: n)

        // 1. One stream per quote level, handed to the diff scanner.
        var maxLevel = 0
        for l in lines { maxLevel = max(maxLevel, l.level) }
        // Each stream sized before it is filled: grown line by line they were reallocated ~10 times.
        var streamSizes = [Int](repeating: 0, count: maxLevel + 1)
        for l in lines { streamSizes[l.level] += 1 }
        var streams = streamSizes.map { size -> [Int] in
            var stream: [Int] = []
            stream.reserveCapacity(size)
            return stream
        }
        for (i, l) in lines.enumerated() { streams[l.level].append(i) }
        var patches: [LocalPatch] = []
        var linePatch = [Int?](repeating: nil, count: n)
        var scans: [(level: Int, scan: DiffScan, base: Int)] = []
        for level in streams.indices where !streams[level].isEmpty {
            let idx = streams[level]
            var spans: [ScanSpan] = []
            spans.reserveCapacity(idx.count)
            var prev = -2
            for i in idx {
                let l = lines[i]
                spans.append(
                    ScanSpan(
                        range: l.contentStart..<l.lineEnd, id: i, interruptedBefore: prev >= 0 && prev != i - 1))
                prev = i
            }
            let scan = DiffScanner.scan(
                body, spans: spans, options: ScanOptions(whitespaceCollapsed: message.isRender))
            scans.append((level, scan, patches.count))
            for (k, role) in scan.roles.enumerated() where !role.isProse {
                roles[idx[k]] = .patch(role)
                if let p = role.patchIndex { linePatch[idx[k]] = patches.count + p }
            }
            for p in scan.patches {
                patches.append(
                    LocalPatch(
                        level: level, patch: p, author: .init(name: nil, email: nil, inferred: true, basis: "unknown"),
                        dateText: nil))
            }
        }

        // Patches sent as attachments (text/x-patch, .diff files) are posted patches too. Their
        // lines are not body lines: no comment can answer them, so they carry no line roles.
        for attachment in message.attachments {
            let (alines, _) = QuoteSplitter.split(attachment.content)
            let spans = alines.enumerated().map { k, l in ScanSpan(range: l.lineStart..<l.lineEnd, id: n + k) }
            let scan = DiffScanner.scan(
                attachment.content, spans: spans, options: ScanOptions(whitespaceCollapsed: false))
            for p in scan.patches where !p.files.isEmpty {
                patches.append(
                    LocalPatch(
                        level: 0, patch: p, author: .init(name: nil, email: nil, inferred: true, basis: "unknown"),
                        dateText: nil))
            }
        }

        // 2. Classify what the scanner left as prose; find attributions.
        var attributions: [(line: Int, level: Int, Attribution)] = []
        var closedLevels = [BodyRole?](repeating: nil, count: maxLevel + 1)  // a level inside a signature or footer
        var anyClosed = false
        var lastLevel = -1
        for i in 0..<n {
            let l = lines[i]
            if case .patch = roles[i] {
                closedLevels[l.level] = nil
                lastLevel = l.level
                continue
            }
            if l.isBlank {
                roles[i] = .blank
                continue
            }
            if l.level != lastLevel {
                // A signature ends where another level's text starts.
                if anyClosed {
                    for k in closedLevels.indices where k != l.level { closedLevels[k] = nil }
                    anyClosed = closedLevels[l.level] != nil
                }
            }
            lastLevel = l.level
            // ASCII lines are checked on bytes (each ProseBytes check equals its BodyMarkers
            // form there); other lines through their String. A String is made only for lines
            // that may be attributions, or that are not ASCII.
            let pb = ProseBytes(body, l.contentStart..<l.lineEnd)
            let nonASCII = pb.isASCII ? nil : String(decoding: body[l.contentStart..<l.lineEnd], as: UTF8.self)
            func isListFooter() -> Bool { nonASCII.map(BodyMarkers.isListFooter) ?? pb.isListFooter(body) }
            if let closed = closedLevels[l.level] {
                roles[i] = isListFooter() ? .footer : closed
                continue
            }
            if nonASCII.map(BodyMarkers.isSnipMark) ?? pb.isSnipMark(body) {
                roles[i] = .snip
            } else if isListFooter() {
                roles[i] = .footer
                closedLevels[l.level] = .footer
                anyClosed = true
                markFooterSeparator(before: i, lines: lines, body: body, roles: &roles)
            } else if nonASCII.map(BodyMarkers.isSignatureSeparator) ?? pb.isSignatureSeparator(body) {
                roles[i] = .signature
                closedLevels[l.level] = .signature
                anyClosed = true
            } else if nonASCII != nil || pb.mayBeAttribution(body),
                let a = attribution(
                    at: i, text: nonASCII ?? String(decoding: body[l.contentStart..<l.lineEnd], as: UTF8.self),
                    lines: lines, body: body, roles: &roles, memo: &memo)
            {
                roles[i] = .attribution
                attributions.append((i, l.level, a))
            } else {
                roles[i] = .prose
            }
        }

        // A reply to a patch mail often quotes its commit message with the `---`, diffstat and
        // trailers trimmed away: the quoted prose that leads straight into the diff is it.
        if memo.subject(message.subject).isPatch {
            claimTrimmedCommitMessages(
                lines: lines, body: body, roles: &roles, linePatch: &linePatch, patches: &patches,
                scans: scans)
        }

        let inBody = InBodyHeaders.parse(body, lines: lines)

        // 3. Authors per level.
        let authors = LevelAuthors(
            sender: (message.from.display, message.from.email.isEmpty ? nil : message.from.email),
            attributions: attributions, ancestors: ancestors, maxLevel: maxLevel)
        var countByLevel = [Int](repeating: 0, count: maxLevel + 1)
        for l in lines where !l.isBlank { countByLevel[l.level] += 1 }
        var levelLineCounts: [Int: Int] = [:]
        for (level, count) in countByLevel.enumerated() where count > 0 { levelLineCounts[level] = count }
        for k in patches.indices {
            let p = patches[k]
            if p.level == 0 && p.patch.header == nil, let name = inBody.fromName {
                patches[k].author = .init(name: name, email: inBody.fromEmail, inferred: false, basis: "in-body-header")
            } else if let name = p.patch.header?.fromName, !name.isEmpty {
                patches[k].author = .init(
                    name: name, email: p.patch.header?.fromEmail, inferred: false, basis: "patch-header")
            } else {
                patches[k].author = authors.author(level: p.level, line: p.patch.firstLineID)
            }
            if p.level > 0 {
                patches[k].dateText =
                    attributions.last(where: { $0.level == p.level - 1 && $0.line < p.patch.firstLineID })?.2.dateText
                if let d = patches[k].dateText, case let md = memo.date(d), let iso = DateText.iso(md),
                    md.epochSeconds != nil
                {
                    patches[k].dateText = iso
                }
            }
        }

        // 4. Comments: runs of prose at one level, each answering the last quoted line before it.
        var comments: [LocalComment] = []
        var lineComment = [Int?](repeating: nil, count: n)
        var i = 0
        while i < n {
            guard roles[i].isProse else {
                i += 1
                continue
            }
            let level = lines[i].level
            var j = i
            var last = i
            while j + 1 < n {
                let next = lines[j + 1]
                if roles[j + 1].isBlank || (next.isBlank && next.level != level) {
                    j += 1
                    continue
                }
                if next.level == level && (roles[j + 1].isProse || roles[j + 1].isCourtesy) {
                    j += 1
                    last = j
                    continue
                }
                break
            }
            let anchor = anchorLine(
                before: i, level: level, lines: lines, roles: roles,
                lookback: limits.anchorLookback)
            // Quoted text that answers nothing quoted deeper is the quoted mail's own opening,
            // not a comment made in this conversation; top-posting (level 0) is a comment.
            if anchor == nil && level > 0 {
                i = last + 1
                continue
            }
            if var c = makeComment(
                from: i, to: last, level: level, lines: lines, body: body, roles: &roles,
                authors: authors, lookback: limits.anchorLookback)
            {
                c.anchorLine = anchor
                for k in i...last { lineComment[k] = comments.count }
                comments.append(c)
            }
            i = last + 1
        }

        return MessageAnalysis(
            lines: lines, roles: roles, linePatch: linePatch, patches: patches, comments: comments,
            authors: authors, levelLineCounts: levelLineCounts, diagnostics: diagnostics,
            lineComment: lineComment, inBody: inBody)
    }

    /// For a quoted patch with no commit message of its own: the prose at its level that runs
    /// (over blank lines and shallower comments) from the quote's start or its attribution to the
    /// patch's first line.
    private static func claimTrimmedCommitMessages(
        lines: [QuotedLine], body: [UInt8], roles: inout [BodyRole], linePatch: inout [Int?],
        patches: inout [LocalPatch], scans: [(level: Int, scan: DiffScan, base: Int)]
    ) {
        for (k, lp) in patches.enumerated()
        where lp.level > 0 && lp.patch.commitMessage.isEmpty && !lp.patch.isFragment && lp.patch.header == nil {
            guard
                let scan = scans.first(where: {
                    $0.level == lp.level && k >= $0.base && k < $0.base + $0.scan.patches.count
                })
            else { continue }
            let local = k - scan.base
            var claimed: [Int] = []
            var j = lp.patch.firstLineID - 1
            var stopped = false
            while j >= 0 && !stopped {
                let l = lines[j]
                if l.isBlank || l.level < lp.level {
                    j -= 1
                    continue
                }
                // Prose that answers deeper quoted text is someone's reply, not a commit message.
                if l.level > lp.level {
                    claimed = []
                    break
                }
                switch roles[j] {
                case .prose: claimed.append(j)
                case .snip: stopped = true
                default: stopped = true
                }
                j -= 1
            }
            guard !claimed.isEmpty else { continue }
            claimed.reverse()
            for c in claimed {
                roles[c] = .patch(.commitMessage(patch: local))
                linePatch[c] = k
            }
            patches[k].patch.commitMessage = claimed.map {
                String(decoding: body[lines[$0].contentStart..<lines[$0].lineEnd], as: UTF8.self)
            }
        }
    }

    /// The old LKML footer starts with a lone `-` line before `To unsubscribe`.
    private static func markFooterSeparator(
        before i: Int, lines: [QuotedLine], body: [UInt8], roles: inout [BodyRole]
    ) {
        var k = i - 1
        while k >= 0 && lines[k].isBlank { k -= 1 }
        guard k >= 0, lines[k].level == lines[i].level, roles[k].isProse else { return }
        let t = String(decoding: body[lines[k].contentStart..<lines[k].lineEnd], as: UTF8.self)
            .trimmingSpaces()
        if t == "-" || t == "--" || t == "___" { roles[k] = .footer }
    }

    /// Whether the text's first bytes are `on ` in either case: necessary for `on ` after
    /// lower-casing.
    private static func startsWithOn(_ u: String.UTF8View) -> Bool {
        var it = u.makeIterator()
        return it.next().map { $0 | 0x20 } == UInt8(ascii: "o") && it.next().map { $0 | 0x20 } == UInt8(ascii: "n")
            && it.next() == 0x20
    }

    /// An attribution on this line, or wrapped over this line and the one before
    /// (`On Fri, 29 Apr 2022 16:14:43 +0800` / `Baolin Wang <...> wrote:`).
    private static func attribution(
        at i: Int, text: String, lines: [QuotedLine], body: [UInt8], roles: inout [BodyRole],
        memo: inout ThreadMemo
    ) -> Attribution? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix(":"), trimmed.utf8.count <= AttributionParser.maxLength else { return nil }
        if let a = memo.attribution(trimmed), a.name != nil || a.email != nil {
            // `Name wrote:` alone may be the second half of a wrapped `On <date>,` line.
            if a.dateText == nil, i > 0, roles[i - 1].isProse, lines[i - 1].level == lines[i].level {
                let prev = String(decoding: body[lines[i - 1].contentStart..<lines[i - 1].lineEnd], as: UTF8.self)
                    .trimmingSpaces()
                // Bytes first: only `o`/`O`, `n`/`N` and a space lower-case to `on ` (no other
                // Character does), and lower-casing a long line costs thousands of instructions.
                if prev.utf8.count < 120, startsWithOn(prev.utf8), prev.lowercasedASCIIFast().hasPrefix("on "),
                    let joined = memo.attribution(prev + " " + trimmed)
                {
                    roles[i - 1] = .attribution
                    return joined
                }
            }
            return a
        }
        if i > 0, roles[i - 1].isProse, lines[i - 1].level == lines[i].level {
            let prev = String(decoding: body[lines[i - 1].contentStart..<lines[i - 1].lineEnd], as: UTF8.self)
                .trimmingSpaces()
            if prev.utf8.count < 160, let a = memo.attribution(prev + " " + trimmed), a.name != nil {
                roles[i - 1] = .attribution
                return a
            }
        }
        return nil
    }

    /// Builds a comment from prose lines first...last at one level, leaving out greetings,
    /// closings and sign-offs; nil when nothing but courtesy is left.
    private static func makeComment(
        from first: Int, to last: Int, level: Int, lines: [QuotedLine], body: [UInt8],
        roles: inout [BodyRole], authors: LevelAuthors, lookback: Int
    ) -> LocalComment? {
        let author = authors.author(level: level, line: first)
        // The lines' content Strings are built only for the lines a check looks at; each line's
        // byte view is made once (the checks below ask up to three times of one line).
        struct ContentLine {
            var line: Int
            var pb: ProseBytes
        }
        var content: [ContentLine] = []
        content.reserveCapacity(last - first + 1)
        for k in first...last where lines[k].level == level && !lines[k].isBlank {
            content.append(ContentLine(line: k, pb: ProseBytes(body, lines[k].contentStart..<lines[k].lineEnd)))
        }
        func str(_ c: ContentLine) -> String {
            String(decoding: body[lines[c.line].contentStart..<lines[c.line].lineEnd], as: UTF8.self)
        }
        func isGreeting(_ c: ContentLine) -> Bool {
            c.pb.isASCII ? c.pb.isGreeting(body) : BodyMarkers.isGreeting(str(c))
        }
        func isClosing(_ c: ContentLine) -> Bool {
            c.pb.isASCII ? c.pb.isClosing(body) : BodyMarkers.isClosing(str(c))
        }
        func isSeparatorOnly(_ c: ContentLine) -> Bool {
            c.pb.isASCII ? c.pb.isSeparatorOnly(body) : BodyMarkers.isSeparatorOnly(str(c))
        }
        // Courtesy at the edges: a greeting first; a closing and/or a sign-off last.
        if let f = content.first, content.count > 1, isGreeting(f) {
            roles[f.line] = .courtesy
            content.removeFirst()
        }
        if let l = content.last, content.count > 1, isParagraphStart(l.line, lines: lines),
            BodyMarkers.isSignOff(str(l), author: author.name) || isClosing(l)
        {
            roles[l.line] = .courtesy
            content.removeLast()
            if let c = content.last, content.count > 1, isClosing(c) {
                roles[c.line] = .courtesy
                content.removeLast()
            }
        } else if let l = content.last, content.count > 1, isClosing(l) {
            roles[l.line] = .courtesy
            content.removeLast()
        }
        // Separator lines (`===`) at the edges frame a comment; they are not part of it.
        while let f = content.first, content.count > 1, isSeparatorOnly(f) { content.removeFirst() }
        while let l = content.last, content.count > 1, isSeparatorOnly(l) { content.removeLast() }
        if content.allSatisfy({
            isSeparatorOnly($0) || isClosing($0) || isGreeting($0)
        }) {
            for c in content { roles[c.line] = .courtesy }
            return nil
        }
        // The text: trimmed lines joined with LF (two across a blank line). ASCII lines are
        // trimmed and tested for trailers on bytes; others through their String.
        var text: [UInt8] = []
        text.reserveCapacity(content.reduce(0) { $0 + $1.pb.count + 2 })
        var trailers: [Trailer] = []
        var prevLine = -1
        for c in content {
            if !text.isEmpty {
                if c.line > prevLine + 1 && hasBlankBetween(prevLine, c.line, lines) { text.append(0x0A) }
                text.append(0x0A)
            }
            let pb = c.pb
            prevLine = c.line
            if pb.isASCII {
                text.append(contentsOf: body[pb.start..<pb.end])
                if pb.mayBeTrailer(body), let t = TrailerLine.parse(str(c)) { trailers.append(t) }
            } else {
                text.append(contentsOf: str(c).trimmingSpaces().utf8)
                if let t = TrailerLine.parse(str(c)) { trailers.append(t) }
            }
        }
        return LocalComment(
            level: level, firstLine: first, lastLine: last, author: author,
            text: String(decoding: text, as: UTF8.self),
            trailers: trailers, anchorLine: nil)
    }

    private static func isParagraphStart(_ k: Int, lines: [QuotedLine]) -> Bool {
        k > 0 && lines[k - 1].isBlank
    }

    private static func hasBlankBetween(_ a: Int, _ b: Int, _ lines: [QuotedLine]) -> Bool {
        guard a >= 0, b > a + 1 else { return false }
        return lines[(a + 1)..<b].contains(where: { $0.isBlank })
    }

    /// The last quoted line before a comment at `level`: the nearest non-blank line above it that
    /// is quoted deeper, or a patch line at the comment's own level (a note after one's own patch).
    /// Shallower text (another person's interjection) and the comment author's own earlier text
    /// are passed over, as are snip marks, attributions, signatures and footers.
    static func anchorLine(
        before start: Int, level: Int, lines: [QuotedLine], roles: [BodyRole], lookback: Int
    ) -> Int? {
        var k = start - 1
        let stop = max(0, start - lookback)
        while k >= stop {
            let l = lines[k]
            switch roles[k] {
            case .blank, .snip, .attribution, .signature, .footer, .courtesy:
                break
            case .patch:
                if l.level >= level { return k }
            case .prose:
                if l.level > level { return k }
            }
            k -= 1
        }
        return nil
    }
}

extension LineRole {
    /// A case test without the derived `==` (see `BodyRole.isProse`).
    var isProse: Bool {
        if case .prose = self { return true }
        return false
    }

    /// The scanner's patch index for lines it claimed.
    var patchIndex: Int? {
        switch self {
        case .prose, .snip: return nil
        case .patchHeader(let p), .commitMessage(let p), .trailer(let p), .separator(let p),
            .diffstat(let p), .versionFooter(let p):
            return p
        case .fileHeader(let p, _), .hunkHeader(let p, _, _), .diffLine(let p, _, _, _):
            return p
        }
    }
}
