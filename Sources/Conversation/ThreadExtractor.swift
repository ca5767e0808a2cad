import Foundation
import Mail
import Patches

/// Joins the messages of one thread into a `ThreadExtraction`: patches found at every quote level
/// (the same patch posted and quoted counts once, with its occurrences), comments tied to the
/// patch line they answer, and reviewers' trailers tied to the patch version they were given for.
public enum ThreadExtractor {
    public struct Options: Sendable {
        public var limits = ConversationLimits()
        /// Function name → kernel path, from a model or a tree, used to place header-less
        /// fragments; the thread's own text is tried first.
        public var knownFunctionFiles: [String: String] = [:]
        public init() {}
    }

    /// `parents[i]` is the index of message i's parent in `messages`, when it is there.
    public static func extract(
        messages: [Message], parents: [Int?], subject: String? = nil, missing: [String] = [],
        diagnostics: [Diagnostic] = [], options: Options = .init()
    ) -> ThreadExtraction {
        var memo = ThreadMemo()
        let subjects = messages.map { memo.subject($0.subject) }
        var analyses: [MessageAnalysis] = []
        analyses.reserveCapacity(messages.count)
        // Messages are read in place (`messages[i]`), never bound to a local: a `Message` copy
        // retains and releases its dozen strings and arrays.
        for i in messages.indices {
            var ancestors: [String?] = []
            var p = i < parents.count ? parents[i] : nil
            var steps = 0
            while let q = p, q >= 0, q < messages.count, steps < QuoteSplitter.maxLevel {
                ancestors.append(messages[q].from.display.isEmpty ? nil : messages[q].from.display)
                p = q < parents.count ? parents[q] : nil
                steps += 1
            }
            analyses.append(
                MessageAnalyzer.analyze(messages[i], ancestors: ancestors, limits: options.limits, memo: &memo))
        }

        var builder = PatchCatalog()
        var localToGlobal: [[Int]] = []
        for (i, a) in analyses.enumerated() {
            var map: [Int] = []
            for lp in a.patches {
                map.append(builder.add(lp, message: i, messageValue: messages[i], inBody: a.inBody, memo: &memo))
            }
            localToGlobal.append(map)
        }
        builder.placeFragments(messages: messages, analyses: analyses, known: options.knownFunctionFiles)
        var patches = builder.patches

        // Comments, in message order; a comment's discussion follows the one it answers.
        var comments: [ReviewComment] = []
        comments.reserveCapacity(analyses.reduce(0) { $0 + $1.comments.count })
        for (i, a) in analyses.enumerated() {
            var localToGlobalComment: [Int] = []
            let dateISO = a.comments.isEmpty ? nil : DateText.iso(messages[i].date)
            for c in a.comments {
                let anchor = resolveAnchor(
                    c.anchorLine, analysis: a, message: messages[i], patchMap: localToGlobal[i],
                    patches: patches, commentMap: localToGlobalComment)
                var discussion: Anchor?
                if anchor.kind == .prose, let prior = anchor.comment, prior < comments.count {
                    // Read in place: a copy of the whole comment per prose anchor was a
                    // retain and release of its every field.
                    let priorKind = comments[prior].anchor.kind
                    if comments[prior].anchor.isDiffLine || priorKind == .commitMessage || priorKind == .hunkHeader
                        || priorKind == .fileHeader
                    {
                        discussion = comments[prior].anchor
                    } else {
                        discussion = comments[prior].discussion
                    }
                }
                let effective = anchor.kind == .prose ? (discussion ?? anchor) : anchor
                let patchIndex = effective.patch
                let loc = SourceLocation(
                    file: messages[i].source.file, line: messages[i].source.line + c.firstLine, column: 1)
                localToGlobalComment.append(comments.count)
                comments.append(
                    ReviewComment(
                        index: comments.count, author: c.author.name, authorInferred: c.author.inferred,
                        message: i, date: dateISO, quoteLevel: c.level,
                        file: effective.file, function: effective.function, anchor: anchor,
                        text: c.text, trailers: c.trailers, source: SourceReference(loc),
                        patchNumber: OptionalNumber.store(patchIndex),
                        versionNumber: OptionalNumber.store(patchIndex.map { patches[$0].version }),
                        discussionBox: discussion.map(AnchorBox.init)))
            }
        }

        // Trailers given in replies belong to the patch version the reply is about.
        for ci in comments.indices where !comments[ci].trailers.isEmpty {
            let c = comments[ci]
            let target = c.patch ?? patchForReply(subjects[c.message], patches: patches)
            guard let t = target else { continue }
            for tr in c.trailers where tr.key.lowercasedASCIIFast() != "signed-off-by" {
                patches[t].replyTrailers.append(
                    ReplyTrailer(key: tr.key, value: tr.value, by: c.author, message: c.message, comment: c.index))
            }
        }

        var extractedMessages: [ExtractedMessage] = []
        var allDiagnostics = diagnostics
        for i in messages.indices {
            let a = analyses[i]
            let levels = a.levelLineCounts.keys.sorted().map { level -> QuoteLevelAuthor in
                let e = a.authors.levelAuthor(level)
                return QuoteLevelAuthor(
                    level: level, author: e.name, inferred: e.inferred, basis: e.basis,
                    lines: a.levelLineCounts[level] ?? 0)
            }
            let diags = messages[i].diagnostics + a.diagnostics
            allDiagnostics.append(contentsOf: a.diagnostics)
            extractedMessages.append(
                ExtractedMessage(
                    index: i, messageID: messages[i].messageID, inReplyTo: messages[i].inReplyTo,
                    parent: i < parents.count ? parents[i] : nil, from: messages[i].from.display,
                    email: messages[i].from.email.isEmpty ? nil : messages[i].from.email,
                    date: DateText.iso(messages[i].date), dateRaw: messages[i].date?.raw,
                    subject: messages[i].subject, source: messages[i].source.description,
                    isRender: messages[i].isRender, isFormatFlowed: messages[i].isFormatFlowed,
                    levels: levels, diagnostics: diags))
        }
        let partial =
            allDiagnostics.contains { $0.code.hasPrefix("limit.") }
            || messages.contains { $0.diagnostics.contains { $0.code.hasPrefix("limit.") } }
        let postsPatch = messages.indices.map { i in
            patches.contains { p in p.occurrences.contains { $0.message == i && $0.quoteLevel == 0 } }
        }
        var result = ThreadExtraction(
            subject: subject ?? subjects.first.map(\.title) ?? "",
            messages: extractedMessages, patches: patches, comments: comments,
            missingMessages: missing, diagnostics: allDiagnostics, partial: partial)
        result.series = SeriesSummary.summaries(
            messages: messages, parents: parents, postsPatch: postsPatch, subjects: subjects)
        return result
    }

    /// A reply with no quoted patch line: the patch whose title its subject carries.
    static func patchForReply(_ s: PatchSubject, patches: [ExtractedPatch]) -> Int? {
        let title = s.title.lowercasedASCIIFast()
        return patches.lastIndex(where: { $0.version == s.version && $0.title.lowercasedASCIIFast() == title })
    }

    static func resolveAnchor(
        _ line: Int?, analysis a: MessageAnalysis, message m: Message, patchMap: [Int],
        patches: [ExtractedPatch], commentMap: [Int]
    ) -> Anchor {
        guard let k = line else { return .none }
        let loc = SourceReference(SourceLocation(file: m.source.file, line: m.source.line + k, column: 1))
        let level = a.lines[k].level
        switch a.roles[k] {
        case .patch(let role):
            guard let lp = a.linePatch[k] else { return .none }
            let gp = patchMap[lp]
            let local = a.patches[lp].patch
            let globalPatch = patches[gp]
            func path(_ f: Int, hunk h: Int? = nil) -> String? {
                if let p = local.files[f].path { return p }
                // A quoted hunk whose file header was snipped: the file of the thread's patch
                // that has this hunk.
                if let h, !local.isFragment {
                    let lh = local.files[f].hunks[h]
                    if let g = globalPatch.files.first(where: { file in
                        file.path != nil
                            && file.hunks.contains { $0.oldStart == lh.oldStart && $0.newStart == lh.newStart }
                    }) {
                        return g.path
                    }
                }
                return f < globalPatch.files.count ? globalPatch.files[f].path : nil
            }
            switch role {
            case .diffLine(_, let f, let h, let l):
                let hunk = local.files[f].hunks[h]
                let d = hunk.lines[l]
                let kind: Anchor.Kind = d.kind == .added ? .added : d.kind == .removed ? .removed : .context
                return Anchor(
                    kind: kind, patch: gp, file: path(f, hunk: h), function: d.function ?? hunk.function,
                    text: d.text, oldLine: d.oldLine, newLine: d.newLine, quoteLevel: level, source: loc)
            case .hunkHeader(_, let f, let h):
                let hunk = local.files[f].hunks[h]
                return Anchor(
                    kind: .hunkHeader, patch: gp, file: path(f, hunk: h), function: hunk.function, text: hunk.header,
                    quoteLevel: level, source: loc)
            case .fileHeader(_, let f):
                return Anchor(
                    kind: .fileHeader, patch: gp, file: path(f), text: a.text(k, m), quoteLevel: level, source: loc)
            default:
                return Anchor(kind: .commitMessage, patch: gp, text: a.text(k, m), quoteLevel: level, source: loc)
            }
        case .prose:
            return Anchor(
                kind: .prose, text: a.text(k, m), quoteLevel: level,
                comment: a.lineComment[k].flatMap { $0 < commentMap.count ? commentMap[$0] : nil }, source: loc)
        default:
            return .none
        }
    }
}

extension MessageAnalysis {
    func text(_ k: Int, _ m: Message) -> String {
        String(decoding: m.body[lines[k].contentStart..<lines[k].lineEnd], as: UTF8.self)
    }
}

/// Dates as ISO 8601 in UTC, the form the JSON uses.
enum DateText {
    static func iso(_ d: MailDate?) -> String? {
        guard let d else { return nil }
        guard let s = d.epochSeconds else { return d.raw }
        if s >= 0 && s < 4_102_444_800 { return fastISO(Int(s)) }
        let date = Date(timeIntervalSince1970: TimeInterval(s))
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func p2(_ v: Int?) -> String {
            let v = v ?? 0
            return v < 10 ? "0\(v)" : "\(v)"
        }
        return "\(c.year ?? 0)-\(p2(c.month))-\(p2(c.day))T\(p2(c.hour)):\(p2(c.minute)):\(p2(c.second))Z"
    }

    /// The same text for 1970-2099 (proleptic Gregorian = Foundation's calendar there), computed
    /// with the days-to-civil algorithm instead of a Calendar.
    static func fastISO(_ s: Int) -> String {
        let secs = s % 86_400
        let (year, month, day) = CivilDate.date(days: Int64(s / 86_400))
        let fields = [
            year / 1000 % 10, year / 100 % 10, year / 10 % 10, year % 10, -1, month / 10, month % 10, -1,
            day / 10, day % 10, -2, secs / 36_000, secs / 3600 % 10, -3, secs % 3600 / 600, secs % 3600 / 60 % 10, -3,
            secs % 60 / 10, secs % 10, -4,
        ]
        return String(unsafeUninitializedCapacity: 20) { out in
            for (i, f) in fields.enumerated() {
                switch f {
                case -1: out[i] = UInt8(ascii: "-")
                case -2: out[i] = UInt8(ascii: "T")
                case -3: out[i] = UInt8(ascii: ":")
                case -4: out[i] = UInt8(ascii: "Z")
                default: out[i] = UInt8(48 + f)
                }
            }
            return 20
        }
    }
}
