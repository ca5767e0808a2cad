/// Writes the model back out as unified-diff text (`diff --git`, `---`/`+++`, hunks), for
/// effective diffs, reverse diffs and interdiffs. Hunk headers are recomputed from the lines, so
/// a hunk whose header lied is written with honest counts.

public enum UnifiedDiffWriter {
    public static func hunkHeader(
        oldStart: Int, oldLines: Int, newStart: Int, newLines: Int, section: String?
    ) -> String {
        var s = "@@ -\(oldStart)"
        if oldLines != 1 { s += ",\(oldLines)" }
        s += " +\(newStart)"
        if newLines != 1 { s += ",\(newLines)" }
        s += " @@"
        if let section, !section.isEmpty { s += " " + section }
        return s
    }

    /// The file's text as a unified diff; `prefixes` are git's `a/` and `b/`.
    public static func write(_ file: FileDiff, prefixes: (String, String) = ("a/", "b/")) -> String {
        var out = ""
        let old = file.isNew ? nil : (file.oldPath ?? file.path)
        let new = file.isDeleted ? nil : (file.newPath ?? file.path)
        if let a = old ?? new, let b = new ?? old {
            out += "diff --git \(prefixes.0)\(a) \(prefixes.1)\(b)\n"
        }
        out += "--- " + (old.map { prefixes.0 + $0 } ?? "/dev/null") + "\n"
        out += "+++ " + (new.map { prefixes.1 + $0 } ?? "/dev/null") + "\n"
        for hunk in file.hunks { out += write(hunk) }
        return out
    }

    /// One hunk: its header from the lines actually present, then the lines.
    public static func write(_ hunk: Hunk) -> String {
        var old = 0
        var new = 0
        for line in hunk.lines {
            switch line.kind {
            case .context:
                old += 1
                new += 1
            case .removed: old += 1
            case .added: new += 1
            case .noNewline: break
            }
        }
        var out =
            hunkHeader(
                oldStart: hunk.oldStart, oldLines: old, newStart: hunk.newStart, newLines: new,
                section: hunk.section) + "\n"
        for line in hunk.lines {
            switch line.kind {
            case .context: out += " " + line.text + "\n"
            case .added: out += "+" + line.text + "\n"
            case .removed: out += "-" + line.text + "\n"
            case .noNewline: out += "\\" + line.text + "\n"
            }
        }
        return out
    }
}
