import Checker
import Model

/// `mmreview compare`'s whole answer: the revision comparison (pairs, interdiffs, review
/// comments addressed or open) and the checker's findings fixed, introduced or still there.
public struct RevisionReview: Sendable, Codable, Equatable {
    public static let schema = "mmreview.compare/2"
    public var schema = RevisionReview.schema
    public var comparison: RevisionComparison
    /// Nil when the checker was not run (`--no-check`).
    public var findings: FindingComparison?

    public init(comparison: RevisionComparison, findings: FindingComparison?) {
        self.comparison = comparison
        self.findings = findings
    }
}
