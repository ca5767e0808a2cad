/// Where a review comment and a checker finding land on the same line (or the finding follows
/// from a removed line a comment answers): the reviewers and the checker `agree`; or a finding
/// no comment touches: `checker-only`, the checker saw what nobody said.
public struct Meeting: Sendable, Codable, Equatable {
    /// `agree` or `checker-only`.
    public var kind: String
    public var finding: Int
    public var invariant: String
    public var verdict: String
    /// Comment indices that meet the finding (empty for `checker-only`).
    public var comments: [Int]
    /// The lines they meet on (for `checker-only`: where the finding lands).
    public var lines: [LineAddress]
}
