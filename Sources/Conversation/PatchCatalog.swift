import Mail
import Patches

/// The thread's patches: one entry per distinct patch, however many times it is posted or quoted.
struct PatchCatalog {
    private(set) var patches: [ExtractedPatch] = []
    /// For each entry, the added and removed lines' normalised text (to match quoted fragments).
    private var lineSets: [Set<String>] = []

    mutating func add(_ lp: LocalPatch, message i: Int, messageValue m: Message, inBody: InBodyHeaders) -> Int {
        let candidate = Self.makePatch(lp, message: i, messageValue: m, inBody: inBody, index: patches.count)
        let lines = Self.changedLines(lp.patch)
        if let j = matchIndex(candidate, lines: lines) {
            patches[j].occurrences.append(PatchOccurrence(message: i, quoteLevel: lp.level))
            if Self.completeness(candidate) > Self.completeness(patches[j]) {
                var better = candidate
                better.index = j
                better.occurrences = patches[j].occurrences
                better.message = patches[j].message
                better.quoteLevel = patches[j].quoteLevel
                patches[j] = better
                lineSets[j] = lines
            }
            return j
        }
        patches.append(candidate)
        lineSets.append(lines)
        return patches.count - 1
    }

    /// The same patch: same title, version and part with overlapping hunks, or a fragment whose
    /// changed lines all appear in an earlier patch.
    private func matchIndex(_ c: ExtractedPatch, lines: Set<String>) -> Int? {
        for (j, e) in patches.enumerated() {
            if c.isFragment || e.isFragment {
                guard !lines.isEmpty, lines.count >= 2 else { continue }
                if lines.isSubset(of: lineSets[j])
                    || (e.isFragment && lineSets[j].isSubset(of: lines) && !lineSets[j].isEmpty)
                {
                    return j
                }
                continue
            }
            guard c.title.lowercased() == e.title.lowercased(), c.version == e.version, c.part == e.part else {
                continue
            }
            let a = Set(c.files.flatMap { f in f.hunks.map { "\(f.path ?? "?") \($0.oldStart) \($0.newStart)" } })
            let b = Set(e.files.flatMap { f in f.hunks.map { "\(f.path ?? "?") \($0.oldStart) \($0.newStart)" } })
            if a.isEmpty || b.isEmpty || !a.isDisjoint(with: b) { return j }
        }
        return nil
    }

    private static func completeness(_ p: ExtractedPatch) -> Int {
        var score = p.isFragment ? 0 : 1_000_000
        score += p.quoteLevel == 0 ? 500_000 : 0
        for f in p.files { for h in f.hunks { score += h.lines.count + (h.complete ? 1000 : 0) } }
        return score
    }

    private static func changedLines(_ p: Patch) -> Set<String> {
        var s = Set<String>()
        for f in p.files {
            for h in f.hunks {
                for l in h.lines where l.kind == .added || l.kind == .removed {
                    let norm = Self.normalise(l.text)
                    if !norm.isEmpty { s.insert((l.kind == .added ? "+" : "-") + norm) }
                }
            }
        }
        return s
    }

    /// Whitespace-insensitive text: renders and mail clients change whitespace, never tokens.
    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func makePatch(
        _ lp: LocalPatch, message i: Int, messageValue m: Message, inBody: InBodyHeaders, index: Int
    ) -> ExtractedPatch {
        let p = lp.patch
        let posted = lp.level == 0 && p.header == nil
        let rawSubject = p.header?.subject ?? (posted ? inBody.subject : nil) ?? m.subject
        let subject = Self.withoutReplyPrefixes(rawSubject)
        let parsed = PatchSubject.parse(subject)
        var date: String?
        if let d = p.header?.date ?? (posted ? inBody.date : nil) {
            date = DateText.iso(MailDate.parse(d)) ?? d
        } else if lp.level == 0 {
            date = DateText.iso(m.date)
        } else {
            date = lp.dateText
        }
        var ins = 0
        var del = 0
        for f in p.files {
            for h in f.hunks {
                ins += h.addedCount
                del += h.removedCount
            }
        }
        return ExtractedPatch(
            index: index, subject: subject, title: parsed.title, author: lp.author.name,
            authorInferred: lp.author.inferred, email: p.header?.fromEmail ?? lp.author.email,
            date: date, version: parsed.version, part: parsed.part, total: parsed.total,
            isRFC: parsed.isRFC, isFragment: p.isFragment, commit: p.header?.commit, message: i,
            quoteLevel: lp.level, occurrences: [PatchOccurrence(message: i, quoteLevel: lp.level)],
            commitMessage: p.commitMessage, trailers: p.trailers, replyTrailers: [],
            diffstat: p.diffstat, files: p.files, versionFooter: p.versionFooter,
            repairs: p.repairs, insertions: ins, deletions: del)
    }

    static func withoutReplyPrefixes(_ s: String) -> String {
        var t = s.trimmingSpaces()
        var guardCount = 0
        while guardCount < 20 {
            guardCount += 1
            let lower = t.lowercased()
            guard let prefix = ["re:", "aw:", "fwd:", "fw:", "sv:", "antw:"].first(where: { lower.hasPrefix($0) })
            else { break }
            t = String(t.dropFirst(prefix.count)).trimmingSpaces()
        }
        return t
    }

    /// Header-less fragments that define a function get a file where the thread tells: the model's
    /// map, another patch touching that function, a file named in the thread, the subject prefix.
    mutating func placeFragments(messages: [Message], analyses: [MessageAnalysis], known: [String: String]) {
        lazy var mentioned: [String] = Self.mentionedFiles(messages)
        for k in patches.indices where patches[k].isFragment {
            guard patches[k].files.count == 1, patches[k].files[0].path == nil else { continue }
            let functions = Set(patches[k].files[0].hunks.flatMap { $0.lines.compactMap(\.function) })
            guard !functions.isEmpty else { continue }
            var path: String?
            var basis = ""
            if let f = functions.sorted().first(where: { known[$0] != nil }) {
                path = known[f]
                basis = "the model places \(f) there"
            }
            if path == nil {
                outer: for other in patches where !other.isFragment {
                    for file in other.files {
                        for h in file.hunks
                        where h.function.map(functions.contains) == true
                            || h.lines.contains(where: { l in l.function.map(functions.contains) == true })
                        {
                            path = file.path
                            basis = "another patch in the thread changes \(h.function ?? functions.sorted()[0]) there"
                            break outer
                        }
                    }
                }
            }
            let prefix = Self.subjectPrefix(patches[k].title)
            if path == nil, let m = mentioned.first {
                if m.contains("/") {
                    path = m
                    basis = "the thread names \(m)"
                } else if let prefix, !prefix.contains("/") {
                    path = "\(prefix)/\(m)"
                    basis = "the thread names \(m); the directory is the subject's prefix \"\(prefix):\""
                }
            }
            if path == nil, let prefix, prefix.contains("/") {
                path = prefix + ".c"
                basis = "the subject's prefix \"\(prefix):\""
            }
            guard let path else { continue }
            patches[k].files[0].path = path
            patches[k].files[0].pathInferred = true
            patches[k].repairs.append(
                Repair(
                    code: "path-inferred", message: "header-less fragment placed in \(path): \(basis)", sourceID: nil))
        }
    }

    /// `mm: foo` → `mm`; `mm/gup: foo` → `mm/gup`.
    static func subjectPrefix(_ title: String) -> String? {
        guard let colon = title.firstIndex(of: ":") else { return nil }
        let p = String(title[..<colon]).trimmingSpaces()
        guard !p.isEmpty, !p.contains(" "), p.count < 40 else { return nil }
        return p
    }

    /// C source files named anywhere in the thread's text, most often named first.
    static func mentionedFiles(_ messages: [Message]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for m in messages {
            var token: [UInt8] = []
            func flush() {
                defer { token.removeAll(keepingCapacity: true) }
                guard token.count >= 3, token.count < 200 else { return }
                var t = token
                while let l = t.last, l == UInt8(ascii: ".") || l == UInt8(ascii: ",") { t.removeLast() }
                guard t.count >= 3, t[t.count - 2] == UInt8(ascii: "."),
                    t.last == UInt8(ascii: "c") || t.last == UInt8(ascii: "h")
                else { return }
                let s = String(decoding: t, as: UTF8.self)
                if s.hasPrefix("/") || s.contains("..") { return }
                let path = (s.hasPrefix("a/") || s.hasPrefix("b/")) ? String(s.dropFirst(2)) : s
                if counts[path] == nil { order.append(path) }
                counts[path, default: 0] += 1
            }
            for b in m.body.prefix(4_000_000) {
                let isPathByte =
                    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == UInt8(ascii: "_") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
                    || b == UInt8(ascii: "-")
                if isPathByte { token.append(b) } else { flush() }
            }
            flush()
        }
        return order.enumerated().sorted { a, b in
            let ca = counts[a.element]!
            let cb = counts[b.element]!
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }
}
