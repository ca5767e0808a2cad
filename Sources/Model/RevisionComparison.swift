import Conversation
import Patches

/// What `mmreview compare` reports: the patches of two versions paired like `git range-diff`, an
/// interdiff per file and function, and each review comment on the older version marked addressed
/// or open with the reason. Its JSON is documented in docs/apply-schema.md.
public struct RevisionComparison: Sendable, Codable, Equatable {
    public static let schema = "mmreview.compare/1"
    public var schema = RevisionComparison.schema
    public var from: String
    public var to: String
    public var pairs: [PatchPair]
    /// Every file of every pair, flattened (old and new patch named in each).
    public var files: [FileComparison]
    public var onlyOld: [PatchRef]
    public var onlyNew: [PatchRef]
    public var comments: [CommentStatus]
}

public struct PatchRef: Sendable, Codable, Equatable {
    /// Which input (0 or 1) and thread it came from, and its index in that thread's patches.
    public var input: Int
    public var thread: Int
    public var patch: Int
    public var subject: String
    public var version: Int
    public var part: Int?
}

public struct PatchPair: Sendable, Codable, Equatable {
    public var old: PatchRef
    public var new: PatchRef
    public var sameSubject: Bool
    public var similarity: Double
    public var unchanged: Bool
}

public struct FileComparison: Sendable, Codable, Equatable {
    public var old: PatchRef
    public var new: PatchRef
    public var path: String
    /// `added`, `dropped`, `changed`, `unchanged`.
    public var change: String
    public var functions: [FunctionComparison]
    public var hunks: [HunkComparison]
    /// `postImages` (diff of the two patched files) or `changedLines` (range-diff style).
    public var interdiffKind: String
    public var interdiff: String
}

public struct FunctionComparison: Sendable, Codable, Equatable {
    public var name: String
    public var change: String
    public var renamedFrom: String?
}

public struct HunkComparison: Sendable, Codable, Equatable {
    public var change: String
    public var old: Int?
    public var new: Int?
    public var function: String?
    public var oldFunction: String?
    public var similarity: Double
}

public struct CommentStatus: Sendable, Codable, Equatable {
    public var input: Int
    public var thread: Int
    public var comment: Int
    public var author: String?
    public var patch: PatchRef
    public var file: String?
    public var function: String?
    public var anchorKind: String
    public var anchorText: String?
    public var text: String
    public var addressed: Bool
    public var reason: String
}
