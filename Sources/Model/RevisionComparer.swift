import Conversation
import Patches

/// Compares two versions of a patch or series found in one or two inputs.
public enum RevisionComparer {
    /// A patch with where it came from (input, thread) and its thread (for comments).
    public struct Candidate: Sendable {
        public var input: Int
        public var thread: Int
        public var patchIndex: Int
        public var extraction: ThreadExtraction
        public var patch: ExtractedPatch { extraction.patches[patchIndex] }
        var ref: PatchRef {
            PatchRef(
                input: input, thread: thread, patch: patchIndex, subject: patch.subject, version: patch.version,
                part: patch.part)
        }
    }

    /// Whole patches (not quoted fragments) of the inputs, each input a list of threads.
    public static func candidates(_ inputs: [[ThreadExtraction]]) -> [Candidate] {
        var out: [Candidate] = []
        for (i, threads) in inputs.enumerated() {
            for (k, t) in threads.enumerated() {
                for p in t.patches.indices where !t.patches[p].isFragment && !t.patches[p].files.isEmpty {
                    out.append(Candidate(input: i, thread: k, patchIndex: p, extraction: t))
                }
            }
        }
        return out
    }

    public static func compare(old: [Candidate], new: [Candidate], from: String, to: String) -> RevisionComparison {
        let pairing = SeriesPairing.pair(old: old.map { asPatch($0.patch) }, new: new.map { asPatch($0.patch) })
        var pairs: [PatchPair] = []
        var files: [FileComparison] = []
        var counterpart: [Int: Int] = [:]
        for p in pairing.pairs {
            let o = old[p.old]
            let n = new[p.new]
            counterpart[p.old] = p.new
            pairs.append(
                PatchPair(
                    old: o.ref, new: n.ref, sameSubject: p.sameSubject, similarity: p.similarity,
                    unchanged: p.interdiff.isEmpty))
            for f in p.interdiff.files {
                files.append(
                    FileComparison(
                        old: o.ref, new: n.ref, path: f.path, change: f.change.rawValue,
                        functions: f.functions.map {
                            FunctionComparison(name: $0.name, change: $0.change.rawValue, renamedFrom: $0.renamedFrom)
                        },
                        hunks: f.hunks.map {
                            HunkComparison(
                                change: $0.change.rawValue, old: $0.old, new: $0.new, function: $0.function,
                                oldFunction: $0.oldFunction, similarity: $0.similarity)
                        },
                        interdiffKind: f.textKind.rawValue, interdiff: f.text))
            }
        }
        var comments: [CommentStatus] = []
        for (k, o) in old.enumerated() {
            let t = o.extraction
            for c in t.comments where c.patch == o.patchIndex {
                let effective = c.anchor.kind == .prose ? (c.discussion ?? c.anchor) : c.anchor
                guard effective.isDiffLine || effective.kind == .commitMessage || effective.kind == .hunkHeader else {
                    continue
                }
                let (addressed, reason) = status(
                    of: c, anchor: effective, old: o, new: counterpart[k].map { new[$0] }, to: to)
                comments.append(
                    CommentStatus(
                        input: o.input, thread: o.thread, comment: c.index, author: c.author, patch: o.ref,
                        file: c.file,
                        function: c.function, anchorKind: effective.kind.rawValue, anchorText: effective.text,
                        text: c.text, addressed: addressed, reason: reason))
            }
        }
        return RevisionComparison(
            from: from, to: to, pairs: pairs, files: files, onlyOld: pairing.onlyOld.map { old[$0].ref },
            onlyNew: pairing.onlyNew.map { new[$0].ref }, comments: comments)
    }

    /// Addressed when the line the comment answers changed in the newer version, or when its
    /// author gave Reviewed-by/Acked-by on the newer version; open otherwise.
    static func status(of c: ReviewComment, anchor: Anchor, old: Candidate, new: Candidate?, to: String) -> (
        Bool, String
    ) {
        guard let new else { return (true, "the patch is not in \(to): dropped from the series") }
        let n = new.patch
        if let who = c.author, let t = endorsement(by: who, on: new) {
            return (true, "\(who) gave \(t) on \(to)")
        }
        switch anchor.kind {
        case .added, .removed, .context:
            let text = Whitespace.squeezed(anchor.text ?? "")
            let kind: DiffLine.Kind = anchor.kind == .added ? .added : anchor.kind == .removed ? .removed : .context
            let file = n.files.first { $0.path == anchor.file } ?? (anchor.file == nil ? n.files.first : nil)
            guard let file else { return (true, "\(anchor.file ?? "the file") is no longer changed in \(to)") }
            let still = file.hunks.contains { h in
                h.lines.contains { $0.kind == kind && Whitespace.squeezed($0.text) == text }
            }
            if still {
                return (
                    false,
                    "the \(anchor.kind.rawValue) line it answers is unchanged in \(to), and \(c.author ?? "the reviewer") gave no Reviewed-by/Acked-by there"
                )
            }
            if anchor.kind != .added,
                file.hunks.contains(where: { h in
                    h.lines.contains { $0.kind == .context && Whitespace.squeezed($0.text) == text }
                })
            {
                return (true, "\(to) no longer removes the line it answers (kept as context)")
            }
            return (true, "the line it answers changed in \(to)")
        case .commitMessage:
            let before = old.patch.commitMessage.map(Whitespace.squeezed).joined(separator: " ")
            let after = n.commitMessage.map(Whitespace.squeezed).joined(separator: " ")
            if !after.isEmpty, before != after { return (true, "the commit message changed in \(to)") }
            return (false, "the commit message it answers is unchanged in \(to)")
        default:
            return (false, "not about a patch line")
        }
    }

    /// `Reviewed-by:`/`Acked-by:` naming the reviewer, in the new version's commit message or in a
    /// reply to it.
    static func endorsement(by who: String, on new: Candidate) -> String? {
        let keys = ["reviewed-by", "acked-by"]
        let name = who.lowercased()
        for t in new.patch.trailers where keys.contains(t.key.lowercased()) && t.value.lowercased().contains(name) {
            return "\(t.key) in the commit message"
        }
        for t in new.patch.replyTrailers
        where keys.contains(t.key.lowercased()) && (t.by?.lowercased() == name || t.value.lowercased().contains(name)) {
            return "\(t.key) in a reply"
        }
        return nil
    }

    /// The diff model of an extracted patch.
    static func asPatch(_ p: ExtractedPatch) -> Patch {
        Patch(
            header: PatchHeader(
                commit: p.commit, fromName: p.author, fromEmail: p.email, date: p.date, subject: p.subject),
            commitMessage: p.commitMessage, trailers: p.trailers, diffstat: p.diffstat, files: p.files,
            isFragment: p.isFragment, versionFooter: p.versionFooter, repairs: p.repairs)
    }
}
