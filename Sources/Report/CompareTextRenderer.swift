import Foundation
import Model

/// `mmreview compare` for a person: pairs, interdiffs, and the review comments' status.
public enum CompareTextRenderer {
    public static func render(_ c: RevisionComparison) -> String {
        var out = "Compare \(c.from) → \(c.to)\n"
        for p in c.pairs {
            out +=
                "\n  \(p.old.subject)\n    → \(p.new.subject)  (\(p.unchanged ? "unchanged" : "changed"), similarity \(String(format: "%.2f", p.similarity)))\n"
        }
        for o in c.onlyOld { out += "\n  only in \(c.from): \(o.subject)\n" }
        for n in c.onlyNew { out += "\n  only in \(c.to): \(n.subject)\n" }
        for f in c.files where f.change != "unchanged" {
            out += "\n  \(f.path): \(f.change)\n"
            for fn in f.functions where fn.change != "unchanged" {
                out += "    \(fn.name): \(fn.change)\(fn.renamedFrom.map { " (renamed from \($0))" } ?? "")\n"
            }
            for h in f.hunks where h.change != "unchanged" {
                out +=
                    "    hunk \(h.old.map { "#\($0)" } ?? "-") → \(h.new.map { "#\($0)" } ?? "-") \(h.change)\(h.function.map { " in \($0)" } ?? "")\n"
            }
            out +=
                f.interdiff.split(separator: "\n", omittingEmptySubsequences: false).map { "    | \($0)" }.joined(
                    separator: "\n") + "\n"
        }
        if !c.comments.isEmpty {
            out += "\n  Review comments on \(c.from):\n"
            for s in c.comments {
                out +=
                    "    [\(s.addressed ? "addressed" : "open")] \(s.author ?? "unknown") on \(s.file ?? "the patch")\(s.function.map { " \($0)()" } ?? ""): \"\(s.anchorText.map(clip) ?? s.anchorKind)\"\n"
                out += "      \(s.reason)\n"
            }
        }
        return out
    }

    static func clip(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.count > 70 ? String(t.prefix(67)) + "..." : t
    }
}
