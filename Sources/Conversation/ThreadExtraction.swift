import Mail
import Patches

/// Everything a thread says: its messages, who wrote what at each quote level, every patch (posted
/// or quoted) and every inline review comment with the patch line it answers. The JSON form of
/// this value is the `extract` schema (docs/extraction-schema.md); later stages read it.
public struct ThreadExtraction: Sendable, Codable, Equatable {
    public static let schema = "mmreview.extract/1"
    public var schema: String = ThreadExtraction.schema
    public var subject: String
    public var messages: [ExtractedMessage]
    public var patches: [ExtractedPatch]
    public var comments: [ReviewComment]
    /// Patch series postings (cover letter and parts) among the messages.
    public var series: [SeriesSummary] = []
    /// Placeholders for messages the thread refers to but does not contain.
    public var missingMessages: [String]
    public var diagnostics: [Diagnostic]
    /// True when some input could not be read whole; the reasons are in `diagnostics`.
    public var partial: Bool

    public init(
        subject: String, messages: [ExtractedMessage], patches: [ExtractedPatch],
        comments: [ReviewComment], missingMessages: [String] = [], diagnostics: [Diagnostic] = [],
        partial: Bool = false
    ) {
        self.subject = subject
        self.messages = messages
        self.patches = patches
        self.comments = comments
        self.missingMessages = missingMessages
        self.diagnostics = diagnostics
        self.partial = partial
    }
}

public struct ExtractedMessage: Sendable, Codable, Equatable {
    public var index: Int
    public var messageID: String?
    public var inReplyTo: String?
    /// Index of the parent message in `messages`, when it is in the thread.
    public var parent: Int?
    public var from: String
    public var email: String?
    /// ISO 8601 (UTC) when the date could be parsed, else the raw text.
    public var date: String?
    public var dateRaw: String?
    public var subject: String
    /// `file:line` of the message in the input.
    public var source: String
    public var isRender: Bool
    public var isFormatFlowed: Bool
    /// Who wrote each quote level of this message, and how we know.
    public var levels: [QuoteLevelAuthor]
    public var diagnostics: [Diagnostic]
}

public struct QuoteLevelAuthor: Sendable, Codable, Equatable {
    public var level: Int
    public var author: String?
    /// Not named by an attribution line or header: inferred (from the thread or by alternation).
    public var inferred: Bool
    /// `from-header`, `attribution`, `patch-header`, `thread`, `alternation`, `unknown`.
    public var basis: String
    public var lines: Int
}

public struct ExtractedPatch: Sendable, Codable, Equatable {
    public var index: Int
    public var subject: String
    /// The subject without `Re:` and bracket tags.
    public var title: String
    public var author: String?
    public var authorInferred: Bool
    public var email: String?
    public var date: String?
    public var version: Int
    public var part: Int?
    public var total: Int?
    public var isRFC: Bool
    public var isFragment: Bool
    public var commit: String?
    /// `base-commit:` and `prerequisite-patch-id:` lines (`git format-patch --base`) of a posted
    /// patch: the tree commit it applies to.
    public var baseCommit: String?
    public var prerequisitePatchIDs: [String] = []
    /// Where it was found first: message index and quote level (0 = posted).
    public var message: Int
    public var quoteLevel: Int
    /// Every place this same patch appears in the thread (posted and quoted copies).
    public var occurrences: [PatchOccurrence]
    public var commitMessage: [String]
    public var trailers: [Trailer]
    /// Trailers reviewers gave in replies (`Reviewed-by:` in a comment on this patch version).
    public var replyTrailers: [ReplyTrailer]
    public var diffstat: Diffstat?
    public var files: [FileDiff]
    public var versionFooter: String?
    public var repairs: [Repair]
    public var insertions: Int
    public var deletions: Int
}

public struct PatchOccurrence: Sendable, Codable, Equatable {
    public var message: Int
    public var quoteLevel: Int
}

public struct ReplyTrailer: Sendable, Codable, Equatable {
    public var key: String
    public var value: String
    public var by: String?
    public var message: Int
    public var comment: Int
}

public struct ReviewComment: Sendable, Codable, Equatable {
    public var index: Int
    public var author: String?
    public var authorInferred: Bool
    public var message: Int
    public var date: String?
    public var quoteLevel: Int
    /// Index into `patches` of the patch the anchor belongs to (directly or through `discussion`).
    public var patch: Int? {
        get { OptionalNumber.read(patchNumber) }
        set { patchNumber = OptionalNumber.store(newValue) }
    }
    public var version: Int? {
        get { OptionalNumber.read(versionNumber) }
        set { versionNumber = OptionalNumber.store(newValue) }
    }
    public var file: String?
    public var function: String?
    public var anchor: Anchor
    /// When the comment answers someone's prose that was itself a comment on a patch line (or on
    /// the commit message), the patch line the discussion is about.
    public var discussion: Anchor? {
        get { discussionBox?.anchor }
        set { discussionBox = newValue.map(AnchorBox.init) }
    }
    public var text: String
    /// Trailers the comment gives (`Reviewed-by: ...`).
    public var trailers: [Trailer]
    /// Where the comment's first line is in the input (`file:line:column` in JSON).
    public var source: SourceReference

    // Stored compactly: an archive holds hundreds of thousands of comments (520 bytes each
    // before). Numbers without Optional's tag (see `OptionalNumber`); the discussion anchor,
    // absent from most comments, behind a reference.
    var patchNumber: Int
    var versionNumber: Int
    var discussionBox: AnchorBox?

    // The initialisers are in an extension, so the extractor builds comments with the implicit
    // memberwise one (a custom `init` cost a copy and destroy of each comment on append).
}

extension ReviewComment {
    private enum CodingKeys: String, CodingKey {
        case index, author, authorInferred, message, date, quoteLevel, patch, version, file, function, anchor
        case discussion, text, trailers, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            index: try c.decode(Int.self, forKey: .index), author: try c.decodeIfPresent(String.self, forKey: .author),
            authorInferred: try c.decode(Bool.self, forKey: .authorInferred),
            message: try c.decode(Int.self, forKey: .message), date: try c.decodeIfPresent(String.self, forKey: .date),
            quoteLevel: try c.decode(Int.self, forKey: .quoteLevel),
            file: try c.decodeIfPresent(String.self, forKey: .file),
            function: try c.decodeIfPresent(String.self, forKey: .function),
            anchor: try c.decode(Anchor.self, forKey: .anchor),
            text: try c.decode(String.self, forKey: .text), trailers: try c.decode([Trailer].self, forKey: .trailers),
            source: try c.decode(SourceReference.self, forKey: .source),
            patchNumber: OptionalNumber.store(try c.decodeIfPresent(Int.self, forKey: .patch)),
            versionNumber: OptionalNumber.store(try c.decodeIfPresent(Int.self, forKey: .version)),
            discussionBox: try c.decodeIfPresent(Anchor.self, forKey: .discussion).map(AnchorBox.init))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encodeIfPresent(author, forKey: .author)
        try c.encode(authorInferred, forKey: .authorInferred)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encode(quoteLevel, forKey: .quoteLevel)
        try c.encodeIfPresent(patch, forKey: .patch)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encodeIfPresent(file, forKey: .file)
        try c.encodeIfPresent(function, forKey: .function)
        try c.encode(anchor, forKey: .anchor)
        try c.encodeIfPresent(discussion, forKey: .discussion)
        try c.encode(text, forKey: .text)
        try c.encode(trailers, forKey: .trailers)
        try c.encode(source, forKey: .source)
    }
}

/// An anchor behind a reference, compared by value.
final class AnchorBox: Sendable, Equatable {
    let anchor: Anchor
    init(_ anchor: Anchor) { self.anchor = anchor }
    static func == (a: AnchorBox, b: AnchorBox) -> Bool { a.anchor == b.anchor }
}

public struct Anchor: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case added, removed, context
        case hunkHeader = "hunk-header"
        case fileHeader = "file-header"
        case commitMessage = "commit-message"
        case prose
        case none
    }
    public var kind: Kind
    public var patch: Int? {
        get { OptionalNumber.read(patchNumber) }
        set { patchNumber = OptionalNumber.store(newValue) }
    }
    public var file: String?
    public var function: String?
    /// The anchored line's text (diff lines without their prefix), nil for `none`.
    public var text: String?
    public var oldLine: Int? {
        get { OptionalNumber.read(oldNumber) }
        set { oldNumber = OptionalNumber.store(newValue) }
    }
    public var newLine: Int? {
        get { OptionalNumber.read(newNumber) }
        set { newNumber = OptionalNumber.store(newValue) }
    }
    public var quoteLevel: Int? {
        get { OptionalNumber.read(levelNumber) }
        set { levelNumber = OptionalNumber.store(newValue) }
    }
    /// For `prose`: the comment that prose belongs to, when it is one.
    public var comment: Int? {
        get { OptionalNumber.read(commentNumber) }
        set { commentNumber = OptionalNumber.store(newValue) }
    }
    /// Where the anchored line is in the input (`file:line:column` in JSON).
    public var source: SourceReference?

    // Every comment holds one or two anchors: the numbers without Optional's tag.
    private var patchNumber: Int
    private var oldNumber: Int
    private var newNumber: Int
    private var levelNumber: Int
    private var commentNumber: Int

    public static let none = Anchor(kind: .none)

    public init(
        kind: Kind, patch: Int? = nil, file: String? = nil, function: String? = nil,
        text: String? = nil, oldLine: Int? = nil, newLine: Int? = nil, quoteLevel: Int? = nil,
        comment: Int? = nil, source: SourceReference? = nil
    ) {
        self.kind = kind
        patchNumber = OptionalNumber.store(patch)
        self.file = file
        self.function = function
        self.text = text
        oldNumber = OptionalNumber.store(oldLine)
        newNumber = OptionalNumber.store(newLine)
        levelNumber = OptionalNumber.store(quoteLevel)
        commentNumber = OptionalNumber.store(comment)
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case kind, patch, file, function, text, oldLine, newLine, quoteLevel, comment, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind), patch: try c.decodeIfPresent(Int.self, forKey: .patch),
            file: try c.decodeIfPresent(String.self, forKey: .file),
            function: try c.decodeIfPresent(String.self, forKey: .function),
            text: try c.decodeIfPresent(String.self, forKey: .text),
            oldLine: try c.decodeIfPresent(Int.self, forKey: .oldLine),
            newLine: try c.decodeIfPresent(Int.self, forKey: .newLine),
            quoteLevel: try c.decodeIfPresent(Int.self, forKey: .quoteLevel),
            comment: try c.decodeIfPresent(Int.self, forKey: .comment),
            source: try c.decodeIfPresent(SourceReference.self, forKey: .source))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(patch, forKey: .patch)
        try c.encodeIfPresent(file, forKey: .file)
        try c.encodeIfPresent(function, forKey: .function)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(oldLine, forKey: .oldLine)
        try c.encodeIfPresent(newLine, forKey: .newLine)
        try c.encodeIfPresent(quoteLevel, forKey: .quoteLevel)
        try c.encodeIfPresent(comment, forKey: .comment)
        try c.encodeIfPresent(source, forKey: .source)
    }

    /// True for anchors on a diff line (added, removed, context).
    public var isDiffLine: Bool { kind == .added || kind == .removed || kind == .context }
}
