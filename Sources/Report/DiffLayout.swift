import Conversation
import Model
import Patches

/// A version's diff laid out for the report: every line with its place in the patched and base
/// files (where the hunk applied), and lookups from those places back to the diff line. The
/// checker reports file lines and the conversation reports hunk numbers and text; this is where
/// both find the same row.
struct DiffLayout {
    var files: [ReportFile] = []
    /// The path each file of the patch was checked under (the applier may infer it).
    private var paths: [String?] = []
    private var byPatchedLine: [FileLine: LineAddress] = [:]
    private var byBaseLine: [FileLine: LineAddress] = [:]

    private struct FileLine: Hashable {
        var path: String
        var line: Int
    }

    init(patch: ExtractedPatch, application v: VersionApplication) {
        for (fi, f) in patch.files.enumerated() {
            var hunks: [ReportHunk] = []
            var checkedPath = f.path
            for (hi, h) in f.hunks.enumerated() {
                let ha = v.hunks.first { $0.fileIndex == fi && $0.hunk == hi }
                if checkedPath == nil { checkedPath = ha?.file }
                let application =
                    ha.map {
                        ReportHunkApplication(
                            result: $0.result, offset: $0.offset, fuzz: $0.fuzz, baseLine: $0.baseLine,
                            patchedLine: $0.patchedLine, repairs: $0.repairs, error: $0.error)
                    }
                    ?? ReportHunkApplication(
                        result: "not-applied", offset: nil, fuzz: nil, baseLine: nil, patchedLine: nil, repairs: [],
                        error: nil)
                // Only a hunk that landed has file lines; walk it as the applier placed it.
                let landed = !application.failed && application.result != "not-applied"
                var o = landed ? application.patchedLine : nil
                var b = landed ? application.baseLine : nil
                var lines: [ReportLine] = []
                for l in h.lines {
                    var line = ReportLine(
                        kind: l.kind.rawValue, text: l.text, oldLine: l.oldLine, newLine: l.newLine, patchedLine: nil,
                        baseLine: nil, comments: [], findings: [])
                    switch l.kind {
                    case .context:
                        line.patchedLine = o
                        line.baseLine = b
                        o = o.map { $0 + 1 }
                        b = b.map { $0 + 1 }
                    case .added:
                        line.patchedLine = o
                        o = o.map { $0 + 1 }
                    case .removed:
                        line.baseLine = b
                        b = b.map { $0 + 1 }
                    case .noNewline: break
                    }
                    let address = LineAddress(file: fi, hunk: hi, line: lines.count)
                    if let p = ha?.file ?? checkedPath {
                        if let n = line.patchedLine { byPatchedLine[FileLine(path: p, line: n)] = address }
                        if let n = line.baseLine { byBaseLine[FileLine(path: p, line: n)] = address }
                    }
                    lines.append(line)
                }
                hunks.append(
                    ReportHunk(
                        header: h.header, function: h.function, complete: h.complete, isFragment: h.isFragment,
                        application: application, lines: lines, comments: []))
            }
            paths.append(checkedPath)
            files.append(
                ReportFile(
                    path: f.path ?? checkedPath, pathInferred: f.pathInferred || (f.path == nil && checkedPath != nil),
                    isNew: f.isNew, isDeleted: f.isDeleted, hunks: hunks, comments: []))
        }
    }

    /// The diff line at a line of the patched file.
    func patched(_ path: String, _ line: Int) -> LineAddress? { byPatchedLine[FileLine(path: path, line: line)] }
    /// The diff line (removed or context) at a line of the base file.
    func base(_ path: String, _ line: Int) -> LineAddress? { byBaseLine[FileLine(path: path, line: line)] }

    func line(_ a: LineAddress) -> ReportLine { files[a.file].hunks[a.hunk].lines[a.line] }

    /// The diff line a conversation anchor names: same file, same kind, same number as the hunk
    /// counts it; when numbers are missing (fragments, damaged headers), the same text.
    func anchored(kind: String, file: String?, oldLine: Int?, newLine: Int?, text: String?) -> LineAddress? {
        // Best first: number and text agree; the number alone; the text alone.
        var numberOnly: LineAddress?
        var textOnly: LineAddress?
        let wanted = text.map(Self.squeezed)
        for (fi, f) in files.enumerated() {
            if let file, let p = f.path ?? paths[fi], p != file { continue }
            for (hi, h) in f.hunks.enumerated() {
                for (li, l) in h.lines.enumerated() where l.kind == kind {
                    let numbered: Bool
                    switch kind {
                    case "added": numbered = newLine != nil && l.newLine == newLine
                    case "removed": numbered = oldLine != nil && l.oldLine == oldLine
                    default:
                        numbered = (newLine != nil && l.newLine == newLine) || (oldLine != nil && l.oldLine == oldLine)
                    }
                    let sameText = wanted != nil && Self.squeezed(l.text) == wanted
                    let here = LineAddress(file: fi, hunk: hi, line: li)
                    if numbered && (sameText || wanted == nil) { return here }
                    if numbered, numberOnly == nil { numberOnly = here }
                    if sameText, textOnly == nil { textOnly = here }
                }
            }
        }
        return numberOnly ?? textOnly
    }

    /// The hunk whose header a comment quotes.
    func hunk(header: String?, file: String?) -> (file: Int, hunk: Int)? {
        guard let header else { return nil }
        let wanted = Self.squeezed(header)
        for (fi, f) in files.enumerated() {
            if let file, let p = f.path, p != file { continue }
            for (hi, h) in f.hunks.enumerated() where h.header.map(Self.squeezed) == wanted { return (fi, hi) }
        }
        return nil
    }

    func file(path: String?) -> Int? {
        guard let path else { return nil }
        return files.firstIndex { $0.path == path }
    }

    /// Renders and mailers change whitespace, never tokens.
    static func squeezed(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
