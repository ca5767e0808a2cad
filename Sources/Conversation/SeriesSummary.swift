import Mail

/// One posting of a patch series in the thread: its cover letter and parts by message.
public struct SeriesSummary: Sendable, Codable, Equatable {
    public var title: String
    public var author: String
    public var version: Int
    public var total: Int?
    public var isRFC: Bool
    /// Index into `messages` of the cover letter, when there is one.
    public var coverLetter: Int?
    /// The cover letter was found without a `0/N` tag: the author's own thread root with no diff.
    public var coverLetterInferred: Bool
    /// `[part, message index]` pairs in part order.
    public var parts: [[Int]]
    public var missingParts: [Int]
    public var complete: Bool

    /// Series postings among a thread's messages; `postsPatch[i]` says whether message i carries
    /// a posted (level 0) patch, to recognise a cover letter sent without `[PATCH 0/N]`.
    static func summaries(
        messages: [Message], parents: [Int?], postsPatch: [Bool], subjects: [PatchSubject]
    ) -> [SeriesSummary] {
        SeriesGrouper.series(in: messages, subjects: subjects).map { s in
            var cover = s.coverLetter
            var inferred = false
            if cover == nil, let first = s.patchIndexes.first, first < parents.count,
                let root = parents[first], root < messages.count, !postsPatch[root],
                messages[root].from.display == s.author.display,
                !subjects[root].isReply
            {
                cover = root
                inferred = true
            }
            return SeriesSummary(
                title: s.title, author: s.author.display, version: s.version, total: s.total,
                isRFC: s.isRFC, coverLetter: cover, coverLetterInferred: inferred,
                parts: s.parts.keys.sorted().map { [$0, s.parts[$0]!] }, missingParts: s.missingParts,
                complete: s.isComplete)
        }
    }
}
