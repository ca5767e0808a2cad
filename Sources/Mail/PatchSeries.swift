/// One posting of a patch series: the mails that share author, version and size, by part number.
/// Indexes point into the message array the series was found in (see `SeriesGrouper`).
public struct PatchSeries: Sendable, Equatable, Codable {
    public var author: Address
    public var version: Int
    /// `n` of `k/n`; nil for a lone patch sent without numbering (`[PATCH v2] ...`).
    public var total: Int?
    /// The cover letter's title when there is one, else that of the lowest-numbered patch.
    public var title: String
    /// `title` lower-cased and whitespace-collapsed: the key across versions.
    public var normalizedTitle: String
    /// Any mail of the posting was tagged RFC.
    public var isRFC: Bool
    /// The date of the earliest mail of the posting.
    public var date: MailDate?
    public var coverLetter: Int?
    /// Part number → message index. A lone unnumbered patch is part 1.
    public var parts: [Int: Int]
    /// Later mails claiming a part (or the cover letter) already taken: resends within the same
    /// posting. Kept so nothing is silently dropped.
    public var duplicates: [Int]

    public init(
        author: Address, version: Int, total: Int?, title: String, normalizedTitle: String,
        isRFC: Bool = false, date: MailDate? = nil, coverLetter: Int? = nil,
        parts: [Int: Int] = [:],
        duplicates: [Int] = []
    ) {
        self.author = author
        self.version = version
        self.total = total
        self.title = title
        self.normalizedTitle = normalizedTitle
        self.isRFC = isRFC
        self.date = date
        self.coverLetter = coverLetter
        self.parts = parts
        self.duplicates = duplicates
    }

    /// The patches in part order, without the cover letter.
    public var patchIndexes: [Int] { parts.keys.sorted().compactMap { parts[$0] } }

    /// The cover letter (if any), then the patches in part order: the series as one reads it.
    public var messageIndexes: [Int] { (coverLetter.map { [$0] } ?? []) + patchIndexes }

    /// Parts `1...total` with no mail.
    public var missingParts: [Int] {
        guard let total, total > 0 else { return [] }
        return (1...total).filter { parts[$0] == nil }
    }

    public var isComplete: Bool { missingParts.isEmpty && !parts.isEmpty }
}

/// Every posting of one series across versions (v1, v2, v3, resends), by the same author under the
/// same title, so `compare --from v2 --to v3` can ask for `series(version: 3)`.
public struct SeriesVersions: Sendable, Equatable, Codable {
    public var author: Address
    public var title: String
    public var normalizedTitle: String
    /// Ascending by version, then by date: a resend of v2 comes after the first v2.
    public var postings: [PatchSeries]

    public init(author: Address, title: String, normalizedTitle: String, postings: [PatchSeries]) {
        self.author = author
        self.title = title
        self.normalizedTitle = normalizedTitle
        self.postings = postings
    }

    /// The version numbers present, ascending.
    public var versions: [Int] {
        var seen: [Int] = []
        for posting in postings where seen.last != posting.version { seen.append(posting.version) }
        return seen
    }

    /// The latest posting of `version` (a resend supersedes the first posting); nil if absent.
    public func series(version: Int) -> PatchSeries? {
        postings.last { $0.version == version }
    }

    /// The latest posting of the highest version.
    public var latest: PatchSeries? { postings.last }
}
