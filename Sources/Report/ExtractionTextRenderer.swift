import Conversation
import Foundation
import Mail
import Patches

/// `mmreview extract` for a person: the messages with who wrote each quote level, the patches
/// with their files and hunks, and each comment under the patch line it answers.
public enum ExtractionTextRenderer {
    public static func render(_ t: ThreadExtraction) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line("Thread: \(t.subject)")
        line(
            "  \(VerdictWriter.count(t.messages.count, "message")), \(VerdictWriter.count(t.patches.count, "patch", "patches")), \(VerdictWriter.count(t.comments.count, "comment"))\(t.partial ? " (PARTIAL: see diagnostics)" : "")"
        )
        if !t.missingMessages.isEmpty {
            line("  missing from the input: \(t.missingMessages.count) referenced message(s)")
        }
        line()
        line("Messages")
        for m in t.messages {
            line("  [\(m.index)] \(m.from)\(m.date.map { ", \($0)" } ?? "")  \"\(m.subject)\"")
            line(
                "      at \(m.source)\(m.parent.map { ", replies to [\($0)]" } ?? "")\(m.isRender ? ", archive render (whitespace collapsed)" : "")\(m.isFormatFlowed ? ", format=flowed (patches may be damaged)" : "")"
            )
            for l in m.levels {
                let who = l.author ?? "unknown"
                line(
                    "      level \(l.level): \(who)\(l.inferred ? " (inferred: \(l.basis))" : " (\(l.basis))"), \(VerdictWriter.count(l.lines, "line"))"
                )
            }
        }
        line()
        line("Patches")
        if t.patches.isEmpty { line("  none") }
        for p in t.patches {
            let part = p.part.map { " \($0)/\(p.total ?? 0)" } ?? ""
            line("  #\(p.index) \(p.subject)")
            line(
                "      v\(p.version)\(part)\(p.isRFC ? " RFC" : ""), by \(p.author ?? "unknown")\(p.authorInferred ? " (inferred)" : "")\(p.date.map { ", \($0)" } ?? "")\(p.isFragment ? ", header-less fragment" : "")"
            )
            let occ = p.occurrences.map {
                $0.quoteLevel == 0 ? "posted in [\($0.message)]" : "quoted at level \($0.quoteLevel) in [\($0.message)]"
            }
            line("      \(occ.joined(separator: "; "))")
            line(
                "      \(p.insertions) insertions(+), \(p.deletions) deletions(-)\(p.diffstat.map { d in d.insertions != nil ? "; diffstat says \(d.insertions ?? 0)/\(d.deletions ?? 0)" : "" } ?? "")"
            )
            for f in p.files {
                line(
                    "      \(f.path ?? "(unknown file)")\(f.pathInferred ? " (inferred)" : "")\(f.isNew ? " (new file)" : "")\(f.isDeleted ? " (deleted)" : "")\(f.isBinary ? " (binary)" : "")\(f.renameFrom.map { " (renamed from \($0))" } ?? "")"
                )
                for h in f.hunks {
                    let head = h.header ?? "(header-less)"
                    line(
                        "        \(head)  [\(h.complete ? "complete" : "partial")] +\(h.addedCount) -\(h.removedCount) =\(h.contextCount)\(h.function.map { "  in \($0)" } ?? "")"
                    )
                }
            }
            for tr in p.trailers { line("      \(tr.key): \(tr.value)") }
            for tr in p.replyTrailers {
                line("      \(tr.key): \(tr.value)  (given in a reply, message [\(tr.message)])")
            }
            for r in p.repairs { line("      note: \(r.message) [\(r.code)]") }
            for f in p.files {
                for h in f.hunks {
                    for r in h.repairs { line("      note: \(h.header ?? "fragment"): \(r.message) [\(r.code)]") }
                }
            }
        }
        line()
        line("Comments")
        if t.comments.isEmpty { line("  none") }
        for c in t.comments {
            let who = (c.author ?? "unknown") + (c.authorInferred ? " (inferred)" : "")
            line("  #\(c.index) \(who), level \(c.quoteLevel), message [\(c.message)] at \(c.source)")
            line("      on \(describe(c.anchor))")
            if let d = c.discussion { line("      in the discussion of \(describe(d))") }
            for l in c.text.split(separator: "\n", omittingEmptySubsequences: false) {
                line("      | \(l)")
            }
        }
        if !t.diagnostics.isEmpty {
            line()
            line("Diagnostics")
            for d in t.diagnostics { line("  \(d)") }
        }
        return out
    }

    static func describe(_ a: Anchor) -> String {
        switch a.kind {
        case .none: return "nothing quoted (top-level)"
        case .prose: return "prose: \"\(clip(a.text ?? ""))\"\(a.comment.map { " (comment #\($0))" } ?? "")"
        case .commitMessage: return "the commit message of patch #\(a.patch ?? -1) (the patch as a whole)"
        case .fileHeader: return "file header of \(a.file ?? "?") in patch #\(a.patch ?? -1)"
        case .hunkHeader: return "hunk header \(a.text ?? "") in \(a.file ?? "?")"
        case .added, .removed, .context:
            let sign = a.kind == .added ? "+" : a.kind == .removed ? "-" : " "
            let num = [a.oldLine.map { "old \($0)" }, a.newLine.map { "new \($0)" }].compactMap { $0 }.joined(
                separator: ", ")
            return
                "patch #\(a.patch ?? -1) \(a.file ?? "(unknown file)")\(a.function.map { " \($0)()" } ?? "") \(a.kind.rawValue) line\(num.isEmpty ? "" : " (\(num))"): \(sign)\(clip(a.text ?? ""))"
        }
    }

    static func clip(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.count > 90 ? String(t.prefix(87)) + "..." : t
    }
}
