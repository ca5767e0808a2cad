import Mail
import Patches

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The thread's patches: one entry per distinct patch, however many times it is posted or quoted.
struct PatchCatalog {
    private(set) var patches: [ExtractedPatch] = []
    /// For each entry, its added and removed lines as `changedLines` fingerprints (to match quoted
    /// fragments); computed on first use: only matches that involve a fragment need them.
    private var lineSets: [LineFingerprints?] = []
    /// For each entry, its lower-cased title and its hunks' `path old new` keys (computed once).
    private var lowerTitles: [String] = []
    private var hunkKeys: [Set<HunkKey>?] = []

    /// A hunk's place: its file (nil when no header was quoted) and start lines.
    struct HunkKey: Hashable {
        var path: String?
        var oldStart: Int
        var newStart: Int
    }

    mutating func add(
        _ lp: LocalPatch, message i: Int, messageValue m: Message, inBody: InBodyHeaders, memo: inout ThreadMemo
    ) -> Int {
        let candidate = Self.makePatch(
            lp, message: i, messageValue: m, inBody: inBody, index: patches.count, memo: &memo)
        var lines: LineFingerprints? = nil
        var keys: Set<HunkKey>? = nil
        let lowerTitle = candidate.title.lowercasedASCIIFast()
        if let j = matchIndex(candidate, lowerTitle: lowerTitle, lines: &lines, keys: &keys) {
            patches[j].occurrences.append(PatchOccurrence(message: i, quoteLevel: lp.level))
            if Self.completeness(candidate) > Self.completeness(patches[j]) {
                var better = candidate
                better.index = j
                better.occurrences = patches[j].occurrences
                better.message = patches[j].message
                better.quoteLevel = patches[j].quoteLevel
                patches[j] = better
                lineSets[j] = lines
                lowerTitles[j] = lowerTitle
                hunkKeys[j] = keys
            }
            return j
        }
        patches.append(candidate)
        lineSets.append(lines)
        lowerTitles.append(lowerTitle)
        hunkKeys.append(keys)
        return patches.count - 1
    }

    private mutating func lineSet(_ j: Int) -> LineFingerprints {
        if let s = lineSets[j] { return s }
        let s = Self.changedLines(patches[j].files)
        lineSets[j] = s
        return s
    }

    private mutating func hunkKeySet(_ j: Int) -> Set<HunkKey> {
        if let s = hunkKeys[j] { return s }
        let s = Self.hunkKeys(patches[j].files)
        hunkKeys[j] = s
        return s
    }

    private static func hunkKeys(_ files: [FileDiff]) -> Set<HunkKey> {
        var keys = Set<HunkKey>()
        for f in files {
            for h in f.hunks { keys.insert(HunkKey(path: f.path, oldStart: h.oldStart, newStart: h.newStart)) }
        }
        return keys
    }

    /// The same patch: same title, version and part with overlapping hunks, or a fragment whose
    /// changed lines all appear in an earlier patch. `lines` and `keys` are the candidate's,
    /// computed here when first needed.
    private mutating func matchIndex(
        _ c: ExtractedPatch, lowerTitle: String, lines: inout LineFingerprints?, keys: inout Set<HunkKey>?
    ) -> Int? {
        // Fields are read in place: copying each entry (a struct of ~20 references) per candidate
        // was a retain/release storm on threads with many patches.
        for j in patches.indices {
            let eIsFragment = patches[j].isFragment
            if c.isFragment || eIsFragment {
                if lines == nil { lines = Self.changedLines(c.files) }
                let lines = lines!
                guard !lines.isEmpty, lines.count >= 2 else { continue }
                let other = lineSet(j)
                if lines.isSubset(of: other) || (eIsFragment && other.isSubset(of: lines) && !other.isEmpty) {
                    return j
                }
                continue
            }
            guard c.version == patches[j].version, c.part == patches[j].part, lowerTitle == lowerTitles[j] else {
                continue
            }
            if keys == nil { keys = Self.hunkKeys(c.files) }
            let a = keys!
            let b = hunkKeySet(j)
            if a.isEmpty || b.isEmpty || !a.isDisjoint(with: b) { return j }
            if Self.sharesHunkWithoutPath(c.files, patches[j].files) { return j }
        }
        return nil
    }

    /// A reply that quotes one hunk of a patch with its file header snipped gives a file without
    /// a path: its hunk is the same hunk as one with the same start lines in any file of a patch
    /// with the same title, version and part.
    private static func sharesHunkWithoutPath(_ a: [FileDiff], _ b: [FileDiff]) -> Bool {
        func starts(_ files: [FileDiff], pathless: Bool) -> [(Int, Int)] {
            files.filter { !pathless || $0.path == nil }.flatMap { f in f.hunks.map { ($0.oldStart, $0.newStart) } }
        }
        func overlaps(_ x: [(Int, Int)], _ y: [(Int, Int)]) -> Bool {
            x.contains { p in y.contains { $0 == p } }
        }
        let aPathless = starts(a, pathless: true)
        let bPathless = starts(b, pathless: true)
        if aPathless.isEmpty && bPathless.isEmpty { return false }
        return overlaps(aPathless, starts(b, pathless: false)) || overlaps(bPathless, starts(a, pathless: false))
    }

    private static func completeness(_ p: ExtractedPatch) -> Int {
        var score = p.isFragment ? 0 : 1_000_000
        score += p.quoteLevel == 0 ? 500_000 : 0
        for f in p.files { for h in f.hunks { score += h.lines.count + (h.complete ? 1000 : 0) } }
        return score
    }

    /// Each added or removed line as a fingerprint of its sign and whitespace-normalised text
    /// (runs of spaces and tabs read as one space, none at the ends; empty lines left out): the
    /// fragment test only asks whether one patch's changed lines are among another's, and 64-bit
    /// fingerprints answer that without a String per line.
    static func changedLines(_ files: [FileDiff]) -> LineFingerprints {
        var s: [UInt64] = []
        for f in files {
            for h in f.hunks {
                // Lines read in place, not copied.
                for i in h.lines.indices where h.lines[i].kind == .added || h.lines[i].kind == .removed {
                    let sign = h.lines[i].kind == .added ? UInt8(ascii: "+") : UInt8(ascii: "-")
                    if let key = h.lines[i].withTextUTF8({ lineKey($0, sign: sign) }) {
                        s.append(key)
                    }
                }
            }
        }
        return LineFingerprints(s)
    }

    /// FNV-1a over `sign` and the normalised bytes; nil when nothing but whitespace is left.
    /// Deterministic (unlike `Hasher`), so runs agree.
    static func lineKey(_ buf: UnsafeBufferPointer<UInt8>, sign: UInt8) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        mix(sign)
        var any = false
        var pending = false
        for b in buf {
            if b == 0x20 || b == 0x09 {
                pending = any
                continue
            }
            if pending {
                mix(0x20)
                pending = false
            }
            mix(b)
            any = true
        }
        return any ? h : nil
    }

    static func makePatch(
        _ lp: LocalPatch, message i: Int, messageValue m: Message, inBody: InBodyHeaders, index: Int,
        memo: inout ThreadMemo
    ) -> ExtractedPatch {
        let p = lp.patch
        let posted = lp.level == 0 && p.header == nil
        let rawSubject = p.header?.subject ?? (posted ? inBody.subject : nil) ?? m.subject
        let subject = Self.withoutReplyPrefixes(rawSubject)
        let parsed = memo.subject(subject)
        var date: String?
        if let d = p.header?.date ?? (posted ? inBody.date : nil) {
            date = DateText.iso(memo.date(d)) ?? d
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
        var baseCommit: String?
        var prerequisites: [String] = []
        if lp.level == 0 {
            // `git format-patch --base` writes these after the last hunk, before the signature.
            for line in GitBaseInfo.lines(m.body) {
                if line.hasPrefix("base-commit: ") { baseCommit = String(line.dropFirst(13)).trimmingSpaces() }
                if line.hasPrefix("prerequisite-patch-id: ") {
                    prerequisites.append(String(line.dropFirst(23)).trimmingSpaces())
                }
            }
        }
        var patch = ExtractedPatch(
            index: index, subject: subject, title: parsed.title, author: lp.author.name,
            authorInferred: lp.author.inferred, email: p.header?.fromEmail ?? lp.author.email,
            date: date, version: parsed.version, part: parsed.part, total: parsed.total,
            isRFC: parsed.isRFC, isFragment: p.isFragment, commit: p.header?.commit, message: i,
            quoteLevel: lp.level, occurrences: [PatchOccurrence(message: i, quoteLevel: lp.level)],
            commitMessage: p.commitMessage, trailers: p.trailers, replyTrailers: [],
            diffstat: p.diffstat, files: p.files, versionFooter: p.versionFooter,
            repairs: p.repairs, insertions: ins, deletions: del)
        patch.baseCommit = baseCommit
        patch.prerequisitePatchIDs = prerequisites
        return patch
    }

    /// Lines starting `base-commit: ` or `prerequisite-patch-id: `, found without a String per line.
    enum GitBaseInfo {
        static func lines(_ body: [UInt8]) -> [String] {
            var out: [String] = []
            let keys: [[UInt8]] = [Array("base-commit: ".utf8), Array("prerequisite-patch-id: ".utf8)]
            body.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                let n = buf.count
                var start = 0
                while start < n && out.count < 64 {
                    // memchr for the line end: this runs over every posted patch's whole body.
                    let found = memchr(base + start, 0x0A, n - start)
                    let end = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                    let first = base[start]
                    if first == UInt8(ascii: "b") || first == UInt8(ascii: "p") {
                        for k in keys
                        where end - start > k.count && first == k[0]
                            && UnsafeBufferPointer(start: base + start, count: k.count).elementsEqual(k)
                        {
                            out.append(
                                String(
                                    decoding: UnsafeBufferPointer(start: base + start, count: end - start),
                                    as: UTF8.self))
                        }
                    }
                    start = end + 1
                }
            }
            return out
        }
    }

    static func withoutReplyPrefixes(_ s: String) -> String {
        guard s.isPlainASCII else { return withoutReplyPrefixesCharacters(s) }
        // Plain ASCII: the prefixes are tested on bytes, and the subject is cut once at the end.
        var copy = s
        let start = copy.withUTF8 { b -> Int in
            var i = 0
            @inline(__always) func skipSpaces() {
                while i < b.count && ProseBytes.isTrimmed(b[i]) { i += 1 }
            }
            skipSpaces()
            var guardCount = 0
            while guardCount < 20 {
                guardCount += 1
                guard
                    let p = replyPrefixes.first(where: { p in
                        i + p.count <= b.count && (0..<p.count).allSatisfy { ProseBytes.lower(b[i + $0]) == p[$0] }
                    })
                else { break }
                i += p.count
                skipSpaces()
            }
            return i
        }
        return start == 0
            ? s.trimmingSpaces() : String(decoding: s.utf8.dropFirst(start), as: UTF8.self).trimmingSpaces()
    }

    private static let replyPrefixTexts = ["re:", "aw:", "fwd:", "fw:", "sv:", "antw:"]
    private static let replyPrefixes: [[UInt8]] = replyPrefixTexts.map { Array($0.utf8) }

    /// `withoutReplyPrefixes` on Characters: for other text, and the tests' reference.
    static func withoutReplyPrefixesCharacters(_ s: String) -> String {
        var t = s.trimmingSpaces()
        var guardCount = 0
        while guardCount < 20 {
            guardCount += 1
            // Every prefix starts with r, a, f or s: other subjects are not lower-cased whole.
            guard BodyMarkers.startsWithOneOf("rafs", t) else { break }
            let lower = t.lowercasedASCIIFast()
            guard let prefix = replyPrefixTexts.first(where: { lower.hasPrefix($0) })
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
