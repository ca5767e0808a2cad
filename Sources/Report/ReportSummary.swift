/// The counts a batch line or a dashboard needs without walking the versions.
public struct ReportSummary: Sendable, Codable, Equatable {
    /// Patches in the thread (posted or quoted), and the versions that had C to check.
    public var patches: Int
    public var versionsChecked: Int
    public var hunks: Int
    /// Hunks that failed or aimed at a file or function the model does not hold.
    public var failedHunks: Int
    public var comments: Int
    /// Findings of patched versions by verdict (`holds`, `violated`, `info`, `unknown`).
    public var verdicts: [String: Int]
    /// Violated findings of patched versions, by invariant id.
    public var violatedByInvariant: [String: Int]
    /// Meetings by kind (`agree`, `checker-only`).
    public var meetings: [String: Int]
    /// A violation in a patched version or a failed hunk: what makes a command exit 1.
    public var hasFindings: Bool

    public init(
        patches: Int, versionsChecked: Int, hunks: Int, failedHunks: Int, comments: Int,
        verdicts: [String: Int], violatedByInvariant: [String: Int], meetings: [String: Int], hasFindings: Bool
    ) {
        self.patches = patches
        self.versionsChecked = versionsChecked
        self.hunks = hunks
        self.failedHunks = failedHunks
        self.comments = comments
        self.verdicts = verdicts
        self.violatedByInvariant = violatedByInvariant
        self.meetings = meetings
        self.hasFindings = hasFindings
    }
}
