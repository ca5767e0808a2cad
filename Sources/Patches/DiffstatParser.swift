/// The diffstat git puts between `---` and the diff: ` mm/memory.c | 58 +++++-----`, the summary
/// ` 1 file changed, 16 insertions(+), 42 deletions(-)` and ` create mode 100644 path` lines. It
/// is the author's own claim about the diff, so it is checked against the hunks found.
enum DiffstatParser {
    enum Line {
        case entry(Diffstat.Entry)
        case summary(files: Int?, insertions: Int?, deletions: Int?)
        /// `create mode`, `delete mode`, `rename ...`, `mode change ...`: part of the block.
        case modeLine
    }

    static func parse(_ line: Bytes) -> Line? {
        let s = line.trimmed
        guard let first = s.firstByte else { return nil }
        if Ascii.isDigit(first), let summary = parseSummary(s) { return summary }
        if s.hasPrefix("create mode ") || s.hasPrefix("delete mode ") || s.hasPrefix("rename ")
            || s.hasPrefix("mode change ") || s.hasPrefix("copy ")
        {
            return .modeLine
        }
        return parseEntry(s)
    }

    /// `path | 12 +++++-` or `path | Bin 0 -> 1234 bytes`.
    private static func parseEntry(_ s: Bytes) -> Line? {
        guard let bar = s.firstIndex(of: Ascii.pipe) else { return nil }
        let path = s[..<bar].trimmed
        guard !path.isEmpty, !path.contains(" ") else { return nil }
        let rest = s[(bar + 1)...].trimmed
        if rest.hasPrefix("Bin") { return .entry(.init(path: path.string, changes: nil)) }
        let (n, end) = DecimalReader.read(rest, at: rest.startIndex)
        guard let changes = n else { return nil }
        // Only `+`/`-` bars (and spaces) may follow the number.
        for b in rest[end...] where b != Ascii.plus && b != Ascii.minus && b != Ascii.space {
            return nil
        }
        return .entry(.init(path: path.string, changes: changes))
    }

    /// `N file(s) changed[, N insertion(s)(+)][, N deletion(s)(-)]`.
    private static func parseSummary(_ s: Bytes) -> Line? {
        let (files, e1) = DecimalReader.read(s, at: s.startIndex)
        let afterFiles = s[e1...]
        guard afterFiles.hasPrefix(" file changed") || afterFiles.hasPrefix(" files changed") else {
            return nil
        }
        var insertions: Int? = nil
        var deletions: Int? = nil
        var k = s.startIndex
        // Each remaining `, N word(±)` part: the sign in the word tells which count it is.
        while let comma = s.firstIndex(of: Ascii.comma, from: k) {
            let part = s[(comma + 1)...].trimmingLeadingSpace
            let (n, e) = DecimalReader.read(part, at: part.startIndex)
            k = comma + 1
            guard let value = n else { continue }
            let word = part[e...]
            if word.hasPrefix(" insertion") {
                insertions = value
            } else if word.hasPrefix(" deletion") {
                deletions = value
            }
        }
        return .summary(files: files, insertions: insertions ?? 0, deletions: deletions ?? 0)
    }

    /// What the diffstat claims against what the hunks hold; only meaningful when every hunk was
    /// quoted whole.
    static func check(_ stat: Diffstat, files: [FileDiff], sourceID: Int?) -> [Repair] {
        var repairs: [Repair] = []
        // Files and hunks read in place: a loop over copies retained every field of each.
        var added = 0
        var removed = 0
        var changesPerFile = [Int](repeating: 0, count: files.count)
        for i in files.indices {
            for j in files[i].hunks.indices {
                let a = files[i].hunks[j].addedCount
                let r = files[i].hunks[j].removedCount
                added += a
                removed += r
                changesPerFile[i] += a + r
            }
        }
        if let n = stat.filesChanged, n != files.count {
            repairs.append(
                Repair(
                    code: "diffstat-mismatch",
                    message: "diffstat says \(n) files changed, the diff has \(files.count)",
                    sourceID: sourceID))
        }
        if let n = stat.insertions, n != added {
            repairs.append(
                Repair(
                    code: "diffstat-mismatch",
                    message: "diffstat says \(n) insertions, the hunks add \(added) lines",
                    sourceID: sourceID))
        }
        if let n = stat.deletions, n != removed {
            repairs.append(
                Repair(
                    code: "diffstat-mismatch",
                    message: "diffstat says \(n) deletions, the hunks remove \(removed) lines",
                    sourceID: sourceID))
        }
        for entry in stat.entries {
            guard let claimed = entry.changes else { continue }
            guard let i = files.indices.first(where: { matches(entry.path, files[$0]) }) else {
                repairs.append(
                    Repair(
                        code: "diffstat-mismatch",
                        message: "diffstat lists \(entry.path), the diff has no such file",
                        sourceID: sourceID))
                continue
            }
            if files[i].isBinary { continue }
            let changes = changesPerFile[i]
            if changes != claimed {
                repairs.append(
                    Repair(
                        code: "diffstat-mismatch",
                        message:
                            "diffstat says \(claimed) changed lines in \(entry.path), the hunks have \(changes)",
                        sourceID: sourceID))
            }
        }
        return repairs
    }

    /// Diffstat paths may be shortened (`.../foo/bar.c`) or show a rename (`{a => b}`).
    private static func matches(_ statPath: String, _ file: FileDiff) -> Bool {
        if file.path == statPath || file.oldPath == statPath || file.newPath == statPath { return true }
        if statPath.hasPrefix("...") {
            let tail = statPath.dropFirst(3)
            return [file.path, file.oldPath, file.newPath].contains { $0?.hasSuffix(tail) == true }
        }
        // On bytes: `String.contains(String)` went through the generic string-processing
        // search (~9,000 instructions a call).
        var path = statPath
        return path.withUTF8 { b in
            b.count >= 2 && (0..<(b.count - 1)).contains { b[$0] == 0x3D && b[$0 + 1] == 0x3E }
        }
    }
}
