import Checker

/// One patch version of the thread: what it is, where it applied and how, its diff with the
/// comments and findings placed on their lines, the functions it patches with their analysis,
/// where reviewers and checker meet, and a short verdict.
public struct ReportVersion: Sendable, Codable, Equatable {
    /// Index of the patch in the thread's extraction (`#N` in every output).
    public var patchIndex: Int
    public var subject: String
    public var title: String
    public var version: Int
    public var part: Int?
    public var total: Int?
    public var author: String?
    public var email: String?
    public var date: String?
    public var isRFC: Bool
    public var isFragment: Bool
    /// The message it was first found in, and at which quote level (0 = posted).
    public var message: Int
    public var quoteLevel: Int
    public var commitMessage: [String]
    /// The patch's own trailers and those reviewers gave in replies, as `Key: value`.
    public var trailers: [String]
    public var replyTrailers: [ReportReplyTrailer]
    public var base: ReportBase
    /// Earlier parts of the same series applied first, by patch index.
    public var appliedOnTopOf: [Int]
    /// Applying the reverse of the patch gives the base back byte for byte.
    public var reverseRoundTrip: Bool
    public var notes: [String]
    public var missingFunctions: [String]
    public var files: [ReportFile]
    public var functions: [ReportFunction]
    public var findings: [ReportFinding]
    /// Every comment on this version, wherever it is placed (lines refer to them by index).
    public var comments: [ReportComment]
    public var meetings: [Meeting]
    public var verdict: VersionVerdict
}

public struct ReportReplyTrailer: Sendable, Codable, Equatable {
    public var key: String
    public var value: String
    public var by: String?
    public var message: Int
}

public struct ReportBase: Sendable, Codable, Equatable {
    public var name: String?
    /// `tree`, `named`, `blob`, `best-apply`, `date`, `none`.
    public var basis: String
    public var reason: String
}

public struct ReportFile: Sendable, Codable, Equatable {
    public var path: String?
    public var pathInferred: Bool
    public var isNew: Bool
    public var isDeleted: Bool
    public var hunks: [ReportHunk]
    /// Comments on the file header (indices into the version's comments by comment index).
    public var comments: [Int]
}

public struct ReportHunk: Sendable, Codable, Equatable {
    public var header: String?
    public var function: String?
    /// All the lines the header counts were present.
    public var complete: Bool
    public var isFragment: Bool
    public var application: ReportHunkApplication
    public var lines: [ReportLine]
    /// Comments on the hunk header.
    public var comments: [Int]
}

/// Where and how one hunk landed.
public struct ReportHunkApplication: Sendable, Codable, Equatable {
    /// `exact`, `offset`, `whitespace`, `fuzz`, `inserted`, `already-applied`, `skipped`,
    /// `failed`, `not-in-model`, or `not-applied` when the applier did not report the hunk.
    public var result: String
    public var offset: Int?
    public var fuzz: Int?
    /// 1-based lines in the base and the patched file where the hunk's lines start.
    public var baseLine: Int?
    public var patchedLine: Int?
    public var repairs: [String]
    public var error: String?

    /// Failed to apply: a hunk that counts as a finding. (`not-in-model` is not one: the model
    /// lacks the file, so nothing can be said about the patch there.)
    public var failed: Bool { result == "failed" }
}

public struct ReportLine: Sendable, Codable, Equatable {
    /// `context`, `added`, `removed`, `no-newline`.
    public var kind: String
    public var text: String
    /// Numbers as the hunk counts them.
    public var oldLine: Int?
    public var newLine: Int?
    /// Where the line sits in the checked files: the patched file (added, context) and the base
    /// (removed, context), when the hunk applied.
    public var patchedLine: Int?
    public var baseLine: Int?
    /// Comment indices (thread-wide) answering this line.
    public var comments: [Int]
    /// Finding ids (within the version) landing on this line.
    public var findings: [Int]
}

/// A diff line by position: file, hunk and line index within the version.
public struct LineAddress: Sendable, Codable, Equatable, Hashable, Comparable {
    public var file: Int
    public var hunk: Int
    public var line: Int

    public init(file: Int, hunk: Int, line: Int) {
        self.file = file
        self.hunk = hunk
        self.line = line
    }

    public static func < (a: LineAddress, b: LineAddress) -> Bool {
        (a.file, a.hunk, a.line) < (b.file, b.hunk, b.line)
    }
}

public struct ReportFunction: Sendable, Codable, Equatable {
    public var name: String
    public var file: String
    /// 1-based lines in the patched file.
    public var startLine: Int
    public var endLine: Int
    /// Some of its lines came from the patch.
    public var changed: Bool
    /// The whole function as patched.
    public var source: String
    /// One entry per checked run: patched and base, each configuration.
    public var analysis: [ReportAnalysis]
    /// Finding ids of this function (patched and base).
    public var findings: [Int]

    /// The checker ran on it as patched.
    public var isChecked: Bool { analysis.contains { $0.kind == "patched" } }
}

extension ReportVersion {
    /// The version's comments by their index in the thread (the first one of an index wins).
    var commentsByIndex: [Int: ReportComment] {
        Dictionary(comments.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Notable findings on no diff line and in none of the version's functions: each renderer
    /// shows them last, under "elsewhere".
    var orphanFindings: [ReportFinding] {
        findings.filter { f in
            f.isNotable && f.at == nil && !functions.contains { $0.name == f.function && $0.file == f.file }
        }
    }
}

public struct ReportAnalysis: Sendable, Codable, Equatable {
    /// `patched` or `base`.
    public var kind: String
    public var configuration: [String]
    public var scenarios: Int
    public var paths: Int
    public var boundsHit: [String]
    public var unknownCalls: [String]
    public var errors: [String]
    public var contract: String?
}
