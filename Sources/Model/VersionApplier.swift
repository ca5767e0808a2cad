import Conversation
import Patches

/// Applies every patch version of a thread to a base: the series' earlier parts first, header-less
/// fragments where the base's manifest places them, and reports each hunk and the patched
/// functions.
public struct VersionApplier: Sendable {
    public var catalog: ModelCatalog
    /// `--base NAME`.
    public var forcedBase: String?
    /// `--tree PATH`: a kernel checkout used instead of the bundled bases.
    public var tree: KernelTree?

    public init(catalog: ModelCatalog, forcedBase: String? = nil, tree: KernelTree? = nil) {
        self.catalog = catalog
        self.forcedBase = forcedBase
        self.tree = tree
    }

    public func apply(_ t: ThreadExtraction) -> ApplyRun {
        var versions: [VersionApplication] = []
        // Cumulative state per series posting: (author, version, total) → files after earlier parts.
        var seriesState: [String: (base: String, files: [String: String], parts: [Int])] = [:]
        // Whole patches first, in series order; fragments of an unknown file after them, so they
        // can follow the base of the version they belong to.
        let order = t.patches.indices.sorted { a, b in
            let pa = t.patches[a]
            let pb = t.patches[b]
            let fa = pa.isFragmentOfUnknownFile
            let fb = pb.isFragmentOfUnknownFile
            if fa != fb { return !fa }
            if seriesKey(pa) == seriesKey(pb), let x = pa.part, let y = pb.part { return x < y }
            return a < b
        }
        var chosen: [Int: BaseChoice] = [:]
        for i in order {
            var p = t.patches[i]
            // A quoted patch without a date of its own is at least as old as the mail quoting it.
            if p.date == nil, p.message < t.messages.count { p.date = t.messages[p.message].date }
            let unknownFileFragment = p.isFragmentOfUnknownFile
            let key = unknownFileFragment ? nil : seriesKey(p)
            var prior = key.flatMap { seriesState[$0] }
            let choice: BaseChoice
            if let tree {
                let at = p.baseCommit.map { ", files at base-commit \($0) where the tree has it" } ?? ""
                choice = BaseChoice(
                    name: "tree", basis: .tree,
                    reason: "--tree \(tree.root): the preimage blob of each index line where the tree has it\(at), "
                        + "else the file at HEAD")
            } else if let prior {
                choice = BaseChoice(
                    name: prior.base, basis: .named, reason: "the base of the earlier parts of this series")
            } else if unknownFileFragment,
                // The earliest such patch: a Dictionary's order changes from process to process.
                let sibling = chosen.sorted(by: { $0.key < $1.key }).first(where: { j, _ in
                    let q = t.patches[j]
                    return q.title.lowercased() == p.title.lowercased() && q.version == p.version
                })
            {
                choice = BaseChoice(
                    name: sibling.value.name, basis: sibling.value.basis,
                    reason: "the base of patch #\(sibling.key), the same version")
            } else {
                choice = BaseChooser.choose(for: p, catalog: catalog, named: forcedBase) { base in
                    score(p, on: base)
                }
            }
            let source = FileSource(
                catalog: catalog, baseName: choice.name, tree: tree, baseCommit: p.baseCommit,
                overrides: prior?.files ?? [:])
            chosen[i] = choice
            var v = apply(p, index: i, choice: choice, files: source)
            v.appliedOnTopOf = prior?.parts ?? []
            if let key, let name = choice.name {
                var files = prior?.files ?? [:]
                for (path, text) in v.patchedFiles { files[path] = text }
                prior = (name, files, (prior?.parts ?? []) + [i])
                seriesState[key] = prior
            }
            versions.append(v)
        }
        versions.sort { $0.patchIndex < $1.patchIndex }
        return ApplyRun(subject: t.subject, versions: versions)
    }

    /// Parts of one posting (same author, version and size) build on each other.
    func seriesKey(_ p: ExtractedPatch) -> String? {
        guard let part = p.part, part > 0, let total = p.total, total > 1 else { return nil }
        return "\(p.author ?? "?")|\(p.version)|\(total)"
    }

    /// How many hunks of `p` apply to `base` (for choosing a base).
    func score(_ p: ExtractedPatch, on base: ModelBase) -> Int {
        var n = 0
        // A fragment scores where the base's manifest knows where the function it adds goes.
        let defined = Set(p.files.flatMap { $0.hunks.flatMap { $0.lines.compactMap(\.function) } })
        n += base.manifest.fragments?.filter { defined.contains($0.function) }.count ?? 0
        for f in p.files {
            guard let path = f.path, let text = base.text(of: path) else { continue }
            n += PatchApplier.apply(f, to: text).appliedCount
        }
        return n
    }

    func apply(_ p: ExtractedPatch, index: Int, choice: BaseChoice, files: FileSource) -> VersionApplication {
        var v = VersionApplication(
            patchIndex: index, patch: p.subject, version: p.version, part: p.part, total: p.total,
            base: choice, appliedOnTopOf: [], hunks: [], functions: [], missingFunctions: [],
            reverseRoundTrip: true, notes: [])
        var touched: [String: Set<String>] = [:]  // path → function names the patch touches
        for (fi, f) in p.files.enumerated() {
            let hunkBase = { (h: Int, result: String, error: String?) in
                HunkApplication(
                    file: f.path, fileIndex: fi, hunk: h, header: f.hunks[h].header, oldStart: f.hunks[h].oldStart,
                    newStart: f.hunks[h].newStart, result: result, offset: nil, fuzz: nil, baseLine: nil,
                    patchedLine: nil, repairs: [], error: error)
            }
            if f.isBinary {
                v.notes.append("\(f.path ?? "?"): binary patch, reported and skipped")
                continue
            }
            guard let rawPath = f.path else {
                for h in f.hunks.indices {
                    v.hunks.append(
                        hunkBase(h, "skipped", "no file can be known: the diff's file header was not quoted"))
                }
                continue
            }
            let path: String
            switch PathPolicy.validate(rawPath) {
            case .success(let p): path = p
            case .failure(let why):
                for h in f.hunks.indices { v.hunks.append(hunkBase(h, "failed", "\(why)")) }
                continue
            }
            if f.pathInferred {
                v.notes.append("\(path): path inferred from the thread (see the extraction's repairs)")
            }
            if f.renameFrom != nil || (f.oldMode != nil && f.newMode != nil && f.oldMode != f.newMode) {
                v.notes.append(
                    "\(path): rename/mode change kept as reported: \(f.renameFrom.map { "renamed from \($0)" } ?? "") \(f.oldMode.map { "mode \($0)" } ?? "")\(f.newMode.map { " → \($0)" } ?? "")"
                )
            }
            guard let baseText = files.text(path, blob: f.oldBlob) ?? (f.isNew ? "" : nil) else {
                let names = Set(
                    f.hunks.flatMap { h in [h.function].compactMap { $0 } + h.lines.compactMap(\.function) })
                for h in f.hunks.indices {
                    v.hunks.append(
                        hunkBase(
                            h, HunkStatus.notInModel.name,
                            "the base \(choice.name ?? "(none)") has no \(path)\(names.isEmpty ? "" : " (functions: \(names.sorted().joined(separator: ", ")))")"
                        ))
                }
                v.missingFunctions.append(contentsOf: names.sorted().map { "\(path):\($0)" })
                continue
            }
            let applied: AppliedFile
            if p.isFragment || f.hunks.allSatisfy(\.isFragment) {
                guard let placed = placeFragment(f, path: path, baseText: baseText, base: choice.name, notes: &v.notes)
                else {
                    for h in f.hunks.indices {
                        v.hunks.append(
                            hunkBase(
                                h, "skipped",
                                "header-less fragment: the base's manifest does not say where \(path)'s fragment goes"))
                    }
                    continue
                }
                applied = placed
            } else {
                applied = PatchApplier.apply(f, to: baseText)
            }
            for r in applied.reports {
                var h = hunkBase(r.hunk, r.status.name, nil)
                h.baseLine = r.baseLine
                h.patchedLine = r.outputLine
                h.repairs = r.repairs
                switch r.status {
                case .offset(let n): h.offset = n
                case .fuzz(let n):
                    h.fuzz = n
                    h.offset = r.offset
                case .whitespace: h.offset = r.offset
                case .failed(let e): h.error = e.description
                case .skipped(let why): h.error = why
                default: break
                }
                v.hunks.append(h)
            }
            let output = applied.text
            v.baseFiles[path] = baseText
            v.patchedFiles[path] = output
            // Reverse what was written: the base must come back byte for byte.
            let effective = applied.effectiveDiff
            let back = PatchApplier.apply(PatchApplier.reverse(effective), to: applied.output)
            if back.output != Array(baseText.utf8) {
                v.reverseRoundTrip = false
                v.notes.append("\(path): the reverse patch does not give the base back byte for byte")
            }
            // The functions the patched file has lines of (a function whose lines are all
            // removed was deleted or renamed by the patch, and is not looked for).
            var names = Set<String>()
            var removedOnly = Set<String>()
            for h in f.hunks {
                for l in h.lines {
                    guard let fn = l.function else { continue }
                    if l.kind == .removed { removedOnly.insert(fn) } else { names.insert(fn) }
                }
                if let fn = h.function, !h.lines.contains(where: { $0.function != nil }) { names.insert(fn) }
            }
            for gone in removedOnly.subtracting(names).sorted() {
                v.notes.append("\(path): \(gone) has only removed lines: the patch deletes or renames it")
            }
            touched[path, default: []].formUnion(names)
            // Functions whose lines the output changed (whatever the hunk headers say).
            let outLines = SourceLines.split(output)
            let defs = CFunctionLocator.definitions(in: outLines)
            let changedLines = Set(
                effective.hunks.flatMap { $0.lines.compactMap { $0.kind == .added ? $0.newLine : nil } })
            for d in defs {
                let changed = (d.startLine...d.endLine).contains(where: changedLines.contains)
                guard changed || names.contains(d.name) else { continue }
                v.functions.append(
                    PatchedFunction(
                        name: d.name, file: path, startLine: d.startLine, endLine: d.endLine,
                        source: outLines[(d.startLine - 1)..<d.endLine].joined(separator: "\n"),
                        changed: changed))
            }
            // Callers of what the patch changed come along (unchanged): a changed signature or
            // contract is checked against them.
            let changedNames = Set(v.functions.filter { $0.file == path && $0.changed }.map(\.name))
            for d in defs
            where !v.functions.contains(where: { $0.file == path && $0.name == d.name && $0.startLine == d.startLine })
            {
                let body = outLines[(d.startLine - 1)..<d.endLine]
                let calls = changedNames.contains { n in n != d.name && body.contains { $0.contains(n + "(") } }
                if calls {
                    v.functions.append(
                        PatchedFunction(
                            name: d.name, file: path, startLine: d.startLine, endLine: d.endLine,
                            source: body.joined(separator: "\n"), changed: false))
                }
            }
            for name in names.sorted() where !defs.contains(where: { $0.name == name }) {
                v.missingFunctions.append("\(path):\(name)")
            }
        }
        return v
    }

    /// A header-less fragment goes where the base's manifest places the function it adds, after
    /// `insertAfter`'s closing line (or before `insertBefore`), followed by any completion lines
    /// the archive supplied.
    func placeFragment(_ f: FileDiff, path: String, baseText: String, base: String?, notes: inout [String])
        -> AppliedFile?
    {
        guard let base, let b = try? catalog.base(named: base) else { return nil }
        let defined = Set(f.hunks.flatMap { $0.lines.compactMap(\.function) })
        guard let placement = b.manifest.fragments?.first(where: { $0.file == path && defined.contains($0.function) })
        else {
            return nil
        }
        let lines = SourceLines.split(baseText)
        let defs = CFunctionLocator.definitions(in: lines)
        var at: Int?
        if let after = placement.insertAfter, let d = defs.last(where: { $0.name == after }) { at = d.endLine + 1 }
        if at == nil, let before = placement.insertBefore, let d = defs.first(where: { $0.name == before }) {
            at = d.startLine
        }
        guard let at, var hunk = f.hunks.first else { return nil }
        if let c = placement.completion {
            for text in c.after { hunk.lines.append(DiffLine(kind: .added, text: text, sourceID: -1)) }
            notes.append(
                "\(path): \(placement.function): \(c.after.count) line(s) the thread never quoted appended from the \(c.source ?? "archive")\(c.message.map { " (\($0))" } ?? ""): \(c.why ?? "")"
            )
        }
        notes.append(
            "\(path): fragment adding \(placement.function) inserted at line \(at): \(placement.basis ?? "placement from the base's manifest")"
        )
        return PatchApplier.insert(fragment: hunk, at: at, into: Array(baseText.utf8), path: path)
    }
}

/// The text of a file in the chosen base, the kernel tree, or the state after earlier parts.
struct FileSource {
    var catalog: ModelCatalog
    var baseName: String?
    var tree: KernelTree?
    var baseCommit: String?
    var overrides: [String: String]

    func text(_ path: String, blob: String? = nil) -> String? {
        if let o = overrides[path] { return o }
        // In a kernel tree, the exact preimage the patch names comes first, else the file at HEAD.
        if let tree {
            return blob.flatMap(tree.blob) ?? baseCommit.flatMap { tree.text(of: path, at: $0) } ?? tree.text(of: path)
        }
        guard let baseName, let b = try? catalog.base(named: baseName) else { return nil }
        return b.text(of: path)
    }
}

extension ExtractedPatch {
    /// A header-less fragment whose file the thread does not tell: it can only follow the base of
    /// the version it belongs to.
    fileprivate var isFragmentOfUnknownFile: Bool { isFragment && files.allSatisfy { $0.path == nil } }
}
