/// What `mmreview check` reports (docs/check-schema.md): per patch version, patched and base, the
/// functions explored and every invariant's verdict with its evidence.
public struct CheckReport: Sendable, Codable, Equatable {
    public static let schema = "mmreview.check/1"
    public var schema = CheckReport.schema
    public var subject: String
    public var versions: [VersionCheck]
    public var invariants: [InvariantInfo]

    /// A violation in a patched version (the base's are context).
    public var hasViolations: Bool {
        versions.contains { $0.kind == "patched" && $0.findings.contains { $0.verdict == .violated } }
    }

    /// The findings on patch `patchIndex` as patched, in every configuration checked.
    public func patchedFindings(patch patchIndex: Int) -> [Finding] {
        versions.filter { $0.kind == "patched" && $0.patchIndex == patchIndex }.flatMap(\.findings)
    }
}

public struct InvariantInfo: Sendable, Codable, Equatable {
    public var id: String
    public var statement: String
    public var reference: String
}

public struct VersionCheck: Sendable, Codable, Equatable {
    public var patchIndex: Int
    public var patch: String
    public var version: Int
    /// `patched` or `base`.
    public var kind: String
    public var base: String?
    /// CONFIG_ symbols defined for this run (each configuration the patch touches is checked).
    public var configuration: [String]
    public var functions: [FunctionCheck]
    public var findings: [Finding]
}

public struct FunctionCheck: Sendable, Codable, Equatable {
    public var name: String
    public var file: String
    public var scenarios: Int
    public var paths: Int
    public var boundsHit: [String]
    public var unknownCalls: [String]
    /// Parse errors or constructs the interpreter could not run.
    public var errors: [String]
    /// The entry contract used (which caller's contract, from which kernel).
    public var contract: String?
}
