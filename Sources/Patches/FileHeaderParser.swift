/// File headers in every form diffs reach a mailing list in: `diff --git a/x b/y` with its
/// extended lines, `diff -u`/`diff -puN`/`diff -urN` (patch-scripts and quilt), `Index: path` plus
/// `====`, and the `--- path` / `+++ path` pair with timestamps, `.orig` or `~name` suffixes and
/// tree prefixes (`linux-2.6.9-rc4.orig/mm/memory.c`).
enum FileHeaderParser {
    /// What one header line says about the file.
    enum Line {
        case diffCommand(old: String?, new: String?)
        case index(old: String?, new: String?, mode: String?)
        case newFileMode(String)
        case deletedFileMode(String)
        case oldMode(String)
        case newMode(String)
        case similarity
        case renameFrom(String)
        case renameTo(String)
        case copyFrom(String)
        case copyTo(String)
        case binaryDiffer
        case gitBinaryPatch
        case equalsRule
    }

    static func isDiffCommand(_ s: Bytes) -> Bool {
        s.hasPrefix("diff --git ") || s.hasPrefix("diff -") || s.hasPrefix("diff --cc ")
    }

    /// `--- path` (not the bare `---` separator).
    static func isMinusPath(_ s: Bytes) -> Bool {
        s.hasPrefix("--- ") && !s.dropping(4).isBlank
    }

    static func isPlusPath(_ s: Bytes) -> Bool {
        s.hasPrefix("+++ ") && !s.dropping(4).isBlank
    }

    /// Lines of the extended header that may follow `diff --git` (and a few that follow other
    /// forms); nil when the line is not one.
    static func parseExtended(_ s: Bytes) -> Line? {
        guard let first = s.firstByte else { return nil }
        switch first {
        case UInt8(ascii: "i"):
            if s.hasPrefix("index ") { return parseIndex(s.dropping(6)) }
        case UInt8(ascii: "n"):
            if s.hasPrefix("new file mode ") { return .newFileMode(s.dropping(14).trimmed.string) }
            if s.hasPrefix("new mode ") { return .newMode(s.dropping(9).trimmed.string) }
        case UInt8(ascii: "d"):
            if s.hasPrefix("deleted file mode ") {
                return .deletedFileMode(s.dropping(18).trimmed.string)
            }
            if s.hasPrefix("dissimilarity index ") { return .similarity }
        case UInt8(ascii: "o"):
            if s.hasPrefix("old mode ") { return .oldMode(s.dropping(9).trimmed.string) }
        case UInt8(ascii: "s"):
            if s.hasPrefix("similarity index ") { return .similarity }
        case UInt8(ascii: "r"):
            if s.hasPrefix("rename from ") { return .renameFrom(s.dropping(12).trimmed.string) }
            if s.hasPrefix("rename to ") { return .renameTo(s.dropping(10).trimmed.string) }
        case UInt8(ascii: "c"):
            if s.hasPrefix("copy from ") { return .copyFrom(s.dropping(10).trimmed.string) }
            if s.hasPrefix("copy to ") { return .copyTo(s.dropping(8).trimmed.string) }
        case UInt8(ascii: "B"):
            if s.hasPrefix("Binary files ") && s.trimmed.hasSuffix("differ") { return .binaryDiffer }
        case UInt8(ascii: "G"):
            if s.hasPrefix("GIT binary patch") { return .gitBinaryPatch }
        case Ascii.equals:
            if s.count >= 10 && s.trimmed.allSatisfy({ $0 == Ascii.equals }) { return .equalsRule }
        default: break
        }
        return nil
    }

    /// `index abc123..def456 100644`.
    private static func parseIndex(_ s: Bytes) -> Line? {
        let t = s.trimmed
        guard let dots = t.firstRange(of: "..", from: t.startIndex) else { return nil }
        let old = t[..<dots]
        var k = dots + 2
        let newStart = k
        while k < t.endIndex && !Ascii.isSpace(t[k]) { k += 1 }
        let new = t[newStart..<k]
        guard !old.isEmpty, !new.isEmpty, old.allSatisfy(Ascii.isHex), new.allSatisfy(Ascii.isHex)
        else { return nil }
        let mode = t[k...].trimmed
        return .index(old: old.string, new: new.string, mode: mode.isEmpty ? nil : mode.string)
    }

    /// The two paths of a `diff` command line, normalised.
    static func parseDiffCommand(_ s: Bytes) -> Line {
        if s.hasPrefix("diff --git ") {
            let rest = s.dropping(11).trimmed
            // `a/x b/y`: split at the last ` b/` so paths with spaces still work.
            var split: Int? = nil
            var k = rest.startIndex
            while let at = rest.firstRange(of: " b/", from: k) {
                split = at
                k = at + 1
            }
            if let at = split {
                return .diffCommand(
                    old: DiffPath.normalise(rest[..<at]), new: DiffPath.normalise(rest[(at + 1)...]))
            }
            return .diffCommand(old: DiffPath.normalise(rest), new: DiffPath.normalise(rest))
        }
        // `diff -puN old new`, `diff -urN old new`, `diff --cc path`: the last two non-option
        // tokens are the paths.
        var tokens: [Bytes] = []
        var k = s.startIndex + 4
        while k < s.endIndex {
            while k < s.endIndex && Ascii.isSpace(s[k]) { k += 1 }
            let start = k
            while k < s.endIndex && !Ascii.isSpace(s[k]) { k += 1 }
            if k > start {
                let tok = s[start..<k]
                if tok.firstByte != Ascii.minus { tokens.append(tok) }
            }
        }
        if tokens.count >= 2 {
            return .diffCommand(
                old: DiffPath.normalise(tokens[tokens.count - 2]),
                new: DiffPath.normalise(tokens[tokens.count - 1]))
        }
        let only = tokens.last.flatMap { DiffPath.normalise($0) }
        return .diffCommand(old: only, new: only)
    }
}

/// Turns a header's path into the repository path the review is about.
enum DiffPath {
    /// Top-level directories of the kernel tree: a first component that is not one of them is a
    /// tree prefix (`a/`, `b/`, `linux-2.6.11/`, `threadalloc-dave/`) and is dropped.
    private static let topDirs: Set<String> = [
        "arch", "block", "certs", "crypto", "Documentation", "drivers", "fs", "include", "init",
        "io_uring", "ipc", "kernel", "lib", "mm", "net", "rust", "samples", "scripts", "security",
        "sound", "tools", "usr", "virt", "LICENSES", "firmware",
    ]

    /// nil for `/dev/null` (the caller records new/deleted).
    static func normalise(_ raw: Bytes) -> String? {
        var s = raw.trimmed
        // A timestamp after a tab, or after spaces where a mailer turned the tab into spaces.
        if let tab = s.firstIndex(of: Ascii.tab) { s = s[..<tab] }
        if s.firstByte == Ascii.quote, s.count >= 2, s.lastByte == Ascii.quote {
            s = s[(s.startIndex + 1)..<(s.endIndex - 1)]
        } else if let sp = s.firstIndex(of: Ascii.space) {
            s = s[..<sp]
        }
        if s.elementsEqual("/dev/null".utf8) { return nil }
        guard !s.isEmpty else { return nil }
        // patch-scripts `~patchname` suffix on the last component.
        var lastSlash = s.startIndex - 1
        for k in s.indices where s[k] == Ascii.slash { lastSlash = k }
        if let tilde = s.firstIndex(of: Ascii.tilde, from: lastSlash + 1), tilde > lastSlash + 1 {
            s = s[..<tilde]
        }
        if s.hasSuffix(".orig") && s.count > 5 { s = s[..<(s.endIndex - 5)] }
        if let slash = s.firstIndex(of: Ascii.slash), slash + 1 < s.endIndex,
            !topDirs.contains(s[..<slash].string)
        {
            return s[(slash + 1)...].string
        }
        return s.string
    }
}
