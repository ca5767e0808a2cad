/// The reverse of a diff: what takes the new file back to the old. Added and removed swap, and
/// so do old/new paths, modes, blobs and line numbers; in each change the (new) removed lines are
/// put before the (new) added ones, as diff writes them.
extension PatchApplier {
    public static func reverse(_ file: FileDiff) -> FileDiff {
        var r = file
        r.oldPath = file.newPath
        r.newPath = file.oldPath
        r.isNew = file.isDeleted
        r.isDeleted = file.isNew
        r.renameFrom = file.renameTo
        r.renameTo = file.renameFrom
        r.oldMode = file.newMode
        r.newMode = file.oldMode
        r.oldBlob = file.newBlob
        r.newBlob = file.oldBlob
        r.hunks = file.hunks.map(reverse)
        return r
    }

    public static func reverse(_ hunk: Hunk) -> Hunk {
        var r = hunk
        r.oldStart = hunk.newStart
        r.oldLines = hunk.newLines
        r.newStart = hunk.oldStart
        r.newLines = hunk.oldLines
        if hunk.header != nil {
            r.header = UnifiedDiffWriter.hunkHeader(
                oldStart: r.oldStart, oldLines: r.oldLines, newStart: r.newStart, newLines: r.newLines,
                section: hunk.section)
        }
        var lines: [DiffLine] = []
        lines.reserveCapacity(hunk.lines.count)
        var removed: [DiffLine] = []
        var added: [DiffLine] = []
        func flush() {
            lines += removed
            lines += added
            removed.removeAll()
            added.removeAll()
        }
        var lastKind: DiffLine.Kind?
        for var line in hunk.lines {
            let original = line.kind
            (line.oldLine, line.newLine) = (line.newLine, line.oldLine)
            switch original {
            case .context:
                flush()
                lines.append(line)
            case .added:
                line.kind = .removed
                removed.append(line)
            case .removed:
                line.kind = .added
                added.append(line)
            case .noNewline:
                // Stays with the line it follows.
                switch lastKind {
                case .added: removed.append(line)
                case .removed: added.append(line)
                default:
                    flush()
                    lines.append(line)
                }
            }
            if original != .noNewline { lastKind = original }
        }
        flush()
        r.lines = lines
        return r
    }
}

extension FileDiff {
    /// `PatchApplier.reverse(self)`.
    public var reversed: FileDiff { PatchApplier.reverse(self) }
}
