import Conversation

/// Where each review comment goes: under the diff line it answers (or the line under discussion,
/// when it answers someone's prose about one), on a hunk or file header, on the patch as a
/// whole, or on the thread when it concerns no patch.
enum CommentPlacer {
    /// The patch index a comment belongs to, and the anchor that places it.
    static func target(_ c: ReviewComment) -> (patch: Int?, anchor: Anchor, viaDiscussion: Bool) {
        if !c.anchor.isDiffLine, c.anchor.kind != .hunkHeader, c.anchor.kind != .fileHeader, let d = c.discussion {
            return (d.patch ?? c.patch, d, true)
        }
        return (c.anchor.patch ?? c.patch, c.anchor, false)
    }

    /// Places `c` in `layout` (the diff of the version it targets, or nil for the thread).
    static func place(_ c: ReviewComment, layout: DiffLayout?) -> ReportComment {
        let (_, anchor, via) = target(c)
        var placement = layout == nil ? "thread" : "patch"
        var at: LineAddress?
        if let layout {
            switch anchor.kind {
            case .added, .removed, .context:
                at = layout.anchored(
                    kind: anchor.kind.rawValue, file: anchor.file, oldLine: anchor.oldLine, newLine: anchor.newLine,
                    text: anchor.text)
                if at != nil { placement = "line" }
            case .hunkHeader:
                if let h = layout.hunk(header: anchor.text, file: anchor.file) {
                    placement = "hunk"
                    at = LineAddress(file: h.file, hunk: h.hunk, line: 0)
                }
            case .fileHeader:
                if let f = layout.file(path: anchor.file) {
                    placement = "file"
                    at = LineAddress(file: f, hunk: 0, line: 0)
                }
            case .commitMessage, .prose, .none:
                break
            }
        }
        return ReportComment(
            index: c.index, author: c.author, authorInferred: c.authorInferred, message: c.message, date: c.date,
            quoteLevel: c.quoteLevel, text: c.text, trailers: c.trailers.map { "\($0.key): \($0.value)" },
            anchorKind: anchor.kind.rawValue, anchorText: anchor.text, viaDiscussion: via, placement: placement,
            at: at, source: c.source.description)
    }
}
