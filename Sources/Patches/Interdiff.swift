/// What changed between two versions of one patch, per file, per hunk and per function, compared
/// whitespace-insensitively (so an archive render and the raw mail of one patch are equal).
///
/// The text is one of two kinds, said by `FileChange.textKind`:
/// - `postImages`: the caller gave the base file, both versions applied cleanly to it, and the
///   text is the unified diff between the two post-images (what a reader of the code sees change);
/// - `changedLines`: no base (or a version did not apply): per function, a diff of the two
///   versions' changed lines, each line keeping its own `+`/`-` after the interdiff's prefix, as
///   `git range-diff` shows it (`-+old added line`, `++new added line`).
public struct Interdiff: Sendable {
    public enum Change: String, Sendable {
        case added, dropped, changed, unchanged
    }

    public struct HunkChange: Sendable, Equatable {
        public var change: Change
        /// Hunk indices in the old and new FileDiff.
        public var old: Int?
        public var new: Int?
        /// The function the hunk changes (the new one's when paired).
        public var function: String?
        /// The old hunk's function when a paired hunk's function differs (a rename).
        public var oldFunction: String?
        /// Jaccard similarity of the changed lines (1 when unchanged).
        public var similarity: Double
    }

    public struct FunctionChange: Sendable, Equatable {
        public var name: String
        public var change: Change
        /// The old name, when the function is the same one renamed.
        public var renamedFrom: String?
    }

    public enum TextKind: String, Sendable {
        case postImages, changedLines
    }

    public struct FileChange: Sendable {
        public var path: String
        public var change: Change
        public var hunks: [HunkChange]
        public var functions: [FunctionChange]
        public var textKind: TextKind
        public var text: String
    }

    public var files: [FileChange]

    /// Nothing changed between the versions.
    public var isEmpty: Bool { files.allSatisfy { $0.change == .unchanged } }
    public var text: String { files.map(\.text).joined() }

    /// `bases`: base file texts by path, for post-image interdiffs.
    public static func compare(old: Patch, new: Patch, bases: [String: [UInt8]] = [:]) -> Interdiff {
        var files: [FileChange] = []
        var paths: [String] = []
        for f in new.files + old.files {
            let p = key(f)
            if !paths.contains(p) { paths.append(p) }
        }
        for path in paths {
            let o = old.files.first { key($0) == path }
            let n = new.files.first { key($0) == path }
            files.append(compareFile(path: path, old: o, new: n, base: bases[path]))
        }
        return Interdiff(files: files)
    }

    private static func key(_ f: FileDiff) -> String { f.path ?? f.newPath ?? f.oldPath ?? "" }

    // MARK: Hunks

    /// A hunk's changed lines, whitespace-normalised and prefixed with their kind.
    static func signature(_ h: Hunk) -> [String] {
        h.lines.compactMap {
            switch $0.kind {
            case .added: "+" + LineText.normalized($0.text)
            case .removed: "-" + LineText.normalized($0.text)
            default: nil
            }
        }
    }

    /// The function most of the hunk's changed lines are in (the header's when none says).
    static func function(of h: Hunk) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in h.lines where line.kind == .added || line.kind == .removed {
            guard let f = line.function ?? h.function else { continue }
            if counts[f] == nil { order.append(f) }
            counts[f, default: 0] += 1
        }
        return order.max { counts[$0]! < counts[$1]! } ?? h.function
    }

    /// Multiset Jaccard similarity of two line lists; `rename` maps old names to new first.
    static func similarity(_ a: [String], _ b: [String], rename: (String, String)? = nil) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var counts: [String: Int] = [:]
        for s in a { counts[rename.map { s.replacing($0.0, with: $0.1) } ?? s, default: 0] += 1 }
        var shared = 0
        for s in b {
            if let c = counts[s], c > 0 {
                shared += 1
                counts[s] = c - 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    private static func pairHunks(_ old: [Hunk], _ new: [Hunk]) -> [HunkChange] {
        let oldSig = old.map(signature)
        let newSig = new.map(signature)
        let oldFn = old.map(function(of:))
        let newFn = new.map(function(of:))
        var oldTaken = Array(repeating: false, count: old.count)
        var newTaken = Array(repeating: false, count: new.count)
        var changes: [HunkChange] = []
        // Identical changed lines first, in order, in the same function if there is one.
        for j in new.indices {
            let same = old.indices.first { !oldTaken[$0] && oldSig[$0] == newSig[j] && oldFn[$0] == newFn[j] }
            if let i = same ?? old.indices.first(where: { !oldTaken[$0] && oldSig[$0] == newSig[j] }) {
                oldTaken[i] = true
                newTaken[j] = true
                changes.append(
                    HunkChange(change: .unchanged, old: i, new: j, function: newFn[j], similarity: 1))
            }
        }
        // Then the most similar, greedily; the same function counts for something.
        var candidates: [(score: Double, sim: Double, i: Int, j: Int)] = []
        for i in old.indices where !oldTaken[i] {
            for j in new.indices where !newTaken[j] {
                let rename = oldFn[i].flatMap { o in newFn[j].map { (o, $0) } }
                let sim = similarity(oldSig[i], newSig[j], rename: rename == nil || rename!.0 == rename!.1 ? nil : rename)
                let same = oldFn[i] != nil && oldFn[i] == newFn[j]
                guard sim >= 0.3 || (same && sim > 0) else { continue }
                candidates.append((sim + (same ? 0.25 : 0), sim, i, j))
            }
        }
        candidates.sort { ($0.score, -abs($0.i - $0.j)) > ($1.score, -abs($1.i - $1.j)) }
        for c in candidates where !oldTaken[c.i] && !newTaken[c.j] {
            oldTaken[c.i] = true
            newTaken[c.j] = true
            changes.append(
                HunkChange(
                    change: .changed, old: c.i, new: c.j, function: newFn[c.j],
                    oldFunction: oldFn[c.i] != newFn[c.j] ? oldFn[c.i] : nil, similarity: c.sim))
        }
        for i in old.indices where !oldTaken[i] {
            changes.append(HunkChange(change: .dropped, old: i, function: oldFn[i], similarity: 0))
        }
        for j in new.indices where !newTaken[j] {
            changes.append(HunkChange(change: .added, new: j, function: newFn[j], similarity: 0))
        }
        // Report in new-file order, dropped hunks where they were in the old file.
        return changes.sorted { ($0.new ?? $0.old ?? 0, $0.new == nil ? 1 : 0) < ($1.new ?? $1.old ?? 0, $1.new == nil ? 1 : 0) }
    }

    // MARK: Functions

    /// Changed lines per function, in first-seen order.
    static func linesByFunction(_ hunks: [Hunk]) -> [(name: String, lines: [String])] {
        var out: [(name: String, lines: [String])] = []
        for h in hunks {
            for line in h.lines where line.kind == .added || line.kind == .removed {
                let name = line.function ?? h.function ?? "(file scope)"
                let text = (line.kind == .added ? "+" : "-") + line.text
                if let k = out.firstIndex(where: { $0.name == name }) {
                    out[k].lines.append(text)
                } else {
                    out.append((name, [text]))
                }
            }
        }
        return out
    }

    private static func compareFunctions(
        _ old: [(name: String, lines: [String])], _ new: [(name: String, lines: [String])]
    ) -> (changes: [FunctionChange], renames: [String: String]) {
        let oldNames = Set(old.map(\.name))
        let newNames = Set(new.map(\.name))
        var renames: [String: String] = [:]  // old → new
        for o in old where !newNames.contains(o.name) {
            let best = new.filter { !oldNames.contains($0.name) && !renames.values.contains($0.name) }
                .map { n in (n.name, similarity(o.lines.map(LineText.normalized), n.lines.map(LineText.normalized), rename: (o.name, n.name))) }
                .max { $0.1 < $1.1 }
            if let best, best.1 >= 0.5 { renames[o.name] = best.0 }
        }
        var changes: [FunctionChange] = []
        for n in new {
            if let from = renames.first(where: { $0.value == n.name })?.key {
                changes.append(FunctionChange(name: n.name, change: .changed, renamedFrom: from))
            } else if let o = old.first(where: { $0.name == n.name }) {
                let same = o.lines.map(LineText.normalized) == n.lines.map(LineText.normalized)
                changes.append(FunctionChange(name: n.name, change: same ? .unchanged : .changed))
            } else {
                changes.append(FunctionChange(name: n.name, change: .added))
            }
        }
        for o in old where !newNames.contains(o.name) && renames[o.name] == nil {
            changes.append(FunctionChange(name: o.name, change: .dropped))
        }
        return (changes, renames)
    }

    // MARK: Files

    private static func compareFile(path: String, old: FileDiff?, new: FileDiff?, base: [UInt8]?) -> FileChange {
        let oldHunks = old?.hunks ?? []
        let newHunks = new?.hunks ?? []
        let hunks = pairHunks(oldHunks, newHunks)
        let oldFns = linesByFunction(oldHunks)
        let newFns = linesByFunction(newHunks)
        let (functions, renames) = compareFunctions(oldFns, newFns)
        let change: Change =
            old == nil ? .added : new == nil ? .dropped : hunks.allSatisfy { $0.change == .unchanged } ? .unchanged : .changed
        guard change != .unchanged else {
            return FileChange(path: path, change: change, hunks: hunks, functions: functions, textKind: .changedLines, text: "")
        }
        if let base, let old, let new {
            let a = PatchApplier.apply(old, to: base)
            let b = PatchApplier.apply(new, to: base)
            if a.isClean && b.isClean {
                return FileChange(
                    path: path, change: change, hunks: hunks, functions: functions, textKind: .postImages,
                    text: postImageDiff(path, a.output, b.output))
            }
        }
        return FileChange(
            path: path, change: change, hunks: hunks, functions: functions, textKind: .changedLines,
            text: changedLinesDiff(path, oldFns, newFns, renames: renames))
    }

    /// Unified diff of the two post-images, lines compared ignoring whitespace.
    static func postImageDiff(_ path: String, _ a: [UInt8], _ b: [UInt8]) -> String {
        let ta = LineTable(a)
        let tb = LineTable(b)
        let script = LineDiff.script(
            old: (0..<ta.count).map { LineText.normalized(ta.text($0)) },
            new: (0..<tb.count).map { LineText.normalized(tb.text($0)) })
        if script.isIdentity { return "" }
        var file = FileDiff(oldPath: path, newPath: path, path: path)
        file.hunks = script.hunks(old: ta, new: tb, context: 3)
        return UnifiedDiffWriter.write(file, prefixes: ("v1/", "v2/"))
    }

    /// Per function (renamed ones under their new name), a diff of the changed lines.
    static func changedLinesDiff(
        _ path: String, _ old: [(name: String, lines: [String])], _ new: [(name: String, lines: [String])],
        renames: [String: String]
    ) -> String {
        var names: [String] = new.map(\.name)
        for o in old where renames[o.name] == nil && !names.contains(o.name) { names.append(o.name) }
        var out = ""
        for name in names {
            let oldName = renames.first { $0.value == name }?.key ?? name
            let a = old.first { $0.name == oldName }?.lines ?? []
            let b = new.first { $0.name == name }?.lines ?? []
            let script = LineDiff.script(old: a.map(LineText.normalized), new: b.map(LineText.normalized))
            if script.isIdentity { continue }
            let header = oldName == name ? name : "\(name) (was \(oldName))"
            out += "@@ \(header) @@\n"
            var i = 0
            var j = 0
            for run in script.runs {
                for _ in 0..<run.count {
                    switch run.op {
                    case .keep:
                        out += " " + b[j] + "\n"
                        i += 1
                        j += 1
                    case .delete:
                        out += "-" + a[i] + "\n"
                        i += 1
                    case .insert:
                        out += "+" + b[j] + "\n"
                        j += 1
                    }
                }
            }
        }
        return out.isEmpty ? "" : "--- v1/\(path)\n+++ v2/\(path)\n" + out
    }
}
