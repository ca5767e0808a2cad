import Model

/// `mmreview apply` for a person: per version, the base and why, each hunk's landing, the
/// patched functions whole.
public enum ApplyTextRenderer {
    public static func render(_ r: ApplyRun) -> String {
        var out = "Thread: \(r.subject)\n"
        if r.versions.isEmpty { out += "  no patch in this thread\n" }
        for v in r.versions {
            out += "\n#\(v.patchIndex) \(v.patch)  (v\(v.version)\(v.part.map { " \($0)/\(v.total ?? 0)" } ?? ""))\n"
            out += "  base: \(v.base.name ?? "none") (\(v.base.basis.rawValue): \(v.base.reason))\n"
            if !v.appliedOnTopOf.isEmpty {
                out +=
                    "  on top of patches \(v.appliedOnTopOf.map { "#\($0)" }.joined(separator: ", ")) of the same series\n"
            }
            for h in v.hunks {
                var how = h.result
                if let o = h.offset, o != 0 { how += " (offset \(o > 0 ? "+" : "")\(o))" }
                if let f = h.fuzz { how += " (fuzz \(f))" }
                let at = h.patchedLine.map { " at line \($0)" } ?? ""
                out += "  \(h.file ?? "(unknown file)") \(h.header ?? "(header-less)"): \(how)\(at)\n"
                for rep in h.repairs { out += "      repaired: \(rep)\n" }
                if let e = h.error { out += "      \(e)\n" }
            }
            for n in v.notes { out += "  note: \(n)\n" }
            if !v.missingFunctions.isEmpty {
                out += "  not in the model: \(v.missingFunctions.joined(separator: ", "))\n"
            }
            out += "  reverse patch gives the base back: \(v.reverseRoundTrip ? "yes" : "NO")\n"
            for f in v.functions {
                out += "\n  --- \(f.file):\(f.startLine)-\(f.endLine) \(f.name)\(f.changed ? " (patched)" : "")\n"
                out +=
                    f.source.split(separator: "\n", omittingEmptySubsequences: false).map { "  | \($0)" }.joined(
                        separator: "\n") + "\n"
            }
        }
        return out
    }
}
