/// A review comment and the place it answers.
public struct ReportComment: Sendable, Codable, Equatable {
    /// The comment's index in the thread.
    public var index: Int
    public var author: String?
    public var authorInferred: Bool
    public var message: Int
    public var date: String?
    public var quoteLevel: Int
    public var text: String
    public var trailers: [String]
    /// What it answers: `added`, `removed`, `context`, `hunk-header`, `file-header`,
    /// `commit-message`, `prose`, `none`.
    public var anchorKind: String
    public var anchorText: String?
    /// It answers someone's prose about a patch line: placed on that line.
    public var viaDiscussion: Bool
    /// `line`, `hunk`, `file`, `patch` (the patch as a whole) or `thread`.
    public var placement: String
    public var at: LineAddress?
    /// `file:line` in the input.
    public var source: String
}
