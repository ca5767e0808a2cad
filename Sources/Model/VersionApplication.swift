import Conversation

/// What `mmreview apply` reports: for each patch version of a thread, where each hunk landed in
/// which base and how, and the patched functions as whole source. Its JSON is documented in
/// docs/apply-schema.md.
public struct ApplyRun: Sendable, Codable, Equatable {
    public static let schema = "mmreview.apply/1"
    public var schema = ApplyRun.schema
    public var subject: String
    public var versions: [VersionApplication]

    /// No hunk failed and none aimed at a file or function the model lacks.
    public var allApplied: Bool {
        versions.allSatisfy { v in v.hunks.allSatisfy { $0.result != "failed" && $0.result != "not-in-model" } }
    }
    /// A hunk failed against a file the model (or tree) has: a finding, like a linter's. Hunks
    /// of files the model lacks say nothing either way (reported, not counted).
    public var hasFailedHunks: Bool {
        versions.contains { v in v.hunks.contains { $0.result == "failed" } }
    }
}

public struct VersionApplication: Sendable, Codable, Equatable {
    /// Index into the extraction's `patches`.
    public var patchIndex: Int
    public var patch: String
    public var version: Int
    public var part: Int?
    public var total: Int?
    public var base: BaseChoice
    /// Earlier parts of the same series applied first, by patch index.
    public var appliedOnTopOf: [Int]
    public var hunks: [HunkApplication]
    public var functions: [PatchedFunction]
    /// Functions the patch touches that the model does not hold whole.
    public var missingFunctions: [String]
    /// Applying the reverse of what was written gives the base back byte for byte.
    public var reverseRoundTrip: Bool
    public var notes: [String]
    /// The patched files, by path (not encoded: the functions carry what a reader needs).
    public var patchedFiles: [String: String] = [:]
    /// The base files, by path, as they were before this version (for reverse checks, checkers).
    public var baseFiles: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case patchIndex, patch, version, part, total, base, appliedOnTopOf, hunks, functions,
            missingFunctions, reverseRoundTrip, notes
    }
}

public struct HunkApplication: Sendable, Codable, Equatable {
    public var file: String?
    /// Index of the file in the patch and of the hunk in the file.
    public var fileIndex: Int
    public var hunk: Int
    public var header: String?
    public var oldStart: Int
    public var newStart: Int
    /// `exact`, `offset`, `whitespace`, `fuzz`, `inserted`, `already-applied`, `skipped`, `failed`,
    /// `not-in-model`.
    public var result: String
    public var offset: Int?
    public var fuzz: Int?
    /// 1-based lines in the base and in the patched file where the hunk's lines start.
    public var baseLine: Int?
    public var patchedLine: Int?
    public var repairs: [String]
    public var error: String?
}

public struct PatchedFunction: Sendable, Codable, Equatable {
    public var name: String
    public var file: String
    /// 1-based lines in the patched file.
    public var startLine: Int
    public var endLine: Int
    /// The whole function as patched.
    public var source: String
    /// Some of its lines came from the patch (not only from the base).
    public var changed: Bool
}
