import Checker
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

    /// The comparison, then what the checker says changed between the versions.
    public static func render(_ r: RevisionReview) -> String {
        var out = render(r.comparison)
        guard let f = r.findings else { return out + "\n  Checker: not run (--no-check)\n" }
        out += "\n  Checker findings \(f.from) → \(f.to):"
        if f.changes.isEmpty { return out + " none in either version\n" }
        out += "\n"
        for (title, group) in [("fixed", f.fixed), ("introduced", f.introduced), ("still there", f.stillThere)]
        where !group.isEmpty {
            out += "    \(title):\n"
            for c in group {
                let line = (c.newLine ?? c.oldLine).map { ":\($0)" } ?? ""
                out += "      \(c.verdict.rawValue) [\(c.invariant)] \(c.file)\(line) \(c.function): "
                out += clip(c.newMessage ?? c.oldMessage ?? "", 110) + "\n"
            }
        }
        return out
    }

    static func clip(_ s: String, _ limit: Int) -> String {
        s.count > limit ? String(s.prefix(limit - 3)) + "..." : s
    }

    static func clip(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.count > 70 ? String(t.prefix(67)) + "..." : t
    }
}
