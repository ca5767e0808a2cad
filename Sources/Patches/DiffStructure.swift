/// Where diff structure starts: a file's header block, a hunk, a format-patch mail. Shared by the
/// scanner (what to read next) and the hunk reader (where an open hunk must stop), so both agree.
struct DiffStructure {
    let input: ScanInput

    /// Whether a file's header block starts at `i`. The `---`/`+++` forms need their partner
    /// line, so prose and removed lines starting `--- ` are not taken for headers.
    func isFileHeaderStart(_ i: Int) -> Bool {
        let t = input.text(i)
        guard let first = t.firstByte else { return false }
        let hasNext = i + 1 < input.end
        switch first {
        case UInt8(ascii: "d"):
            if t.hasPrefix("diff --git ") { return true }
            guard FileHeaderParser.isDiffCommand(t), hasNext else { return false }
            let n = input.text(i + 1)
            return FileHeaderParser.isMinusPath(n) || FileHeaderParser.parseExtended(n) != nil
        case UInt8(ascii: "I"):
            guard t.hasPrefix("Index: "), !t.dropping(7).isBlank, hasNext else { return false }
            let n = input.text(i + 1)
            if case .equalsRule? = FileHeaderParser.parseExtended(n) { return true }
            return FileHeaderParser.isMinusPath(n) || FileHeaderParser.isDiffCommand(n)
        case Ascii.minus:
            return FileHeaderParser.isMinusPath(t) && hasNext
                && FileHeaderParser.isPlusPath(input.text(i + 1))
        case Ascii.plus:
            // A quote that starts at `+++ b/path`, the reviewer having cut what was above.
            guard FileHeaderParser.isPlusPath(t) else { return false }
            if hasNext && HunkHeaderParser.isHunkHeader(input.text(i + 1)) { return true }
            return t.dropping(4).hasPrefix("b/") && !t.dropping(6).trimmed.contains(" ")
        default:
            return false
        }
    }

    /// Where an open hunk must stop: a new hunk, file or format-patch mail begins.
    func startsStructure(_ k: Int) -> Bool {
        let t = input.text(k)
        guard let first = t.firstByte else { return false }
        switch first {
        case Ascii.at: return HunkHeaderParser.isHunkHeader(t)
        case UInt8(ascii: "F"): return FormatPatchHeader.commit(fromMboxLine: t) != nil
        case Ascii.minus, Ascii.plus:
            // Only `--- ` and `+++ ` start a file: nearly every hunk line fails on its second byte.
            guard t.count >= 4, t[t.startIndex + 1] == first else { return false }
            return isFileHeaderStart(k)
        case 0x64, 0x49: return isFileHeaderStart(k)
        default: return false
        }
    }

    /// `-- ` (or `--` once collapsed) followed by a git version line: the signature of a
    /// format-patch mail, not a removed line.
    func isVersionFooter(_ k: Int) -> Bool {
        VersionFooter.isSeparator(input.text(k)) && k + 1 < input.end
            && VersionFooter.version(input.text(k + 1)) != nil
    }
}
