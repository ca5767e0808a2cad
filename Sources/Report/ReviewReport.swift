/// One thread reviewed: what the thread says, each patch version as applied and checked, the
/// review comments and the checker's findings placed on the diff lines they concern, and where
/// the two meet. Every renderer (text, Markdown, JSON, HTML, reply) reads only this value; its
/// JSON is the `mmreview.report/1` schema (docs/json-schema.md, docs/report.schema.json).
public struct ReviewReport: Sendable, Codable, Equatable {
    public static let schema = "mmreview.report/1"
    public var schema: String = ReviewReport.schema
    public var thread: ReportThread
    public var versions: [ReportVersion]
    /// Comments on no patch line of any version (top-level replies, prose discussions).
    public var threadComments: [ReportComment]
    /// The invariants the checker judges, for the ids findings cite.
    public var invariants: [ReportInvariant]
    /// The bounds the checker ran under (configuration, never a measured time).
    public var limits: ReportLimits
    public var summary: ReportSummary

    public init(
        thread: ReportThread, versions: [ReportVersion], threadComments: [ReportComment],
        invariants: [ReportInvariant], limits: ReportLimits, summary: ReportSummary
    ) {
        self.thread = thread
        self.versions = versions
        self.threadComments = threadComments
        self.invariants = invariants
        self.limits = limits
        self.summary = summary
    }

    /// Linter semantics shared by every command: a violation in a patched version or a hunk
    /// that did not apply. The base's violations are context and do not count.
    public var hasFindings: Bool { summary.hasFindings }
}

public struct ReportInvariant: Sendable, Codable, Equatable {
    public var id: String
    public var statement: String
    public var reference: String

    public init(id: String, statement: String, reference: String) {
        self.id = id
        self.statement = statement
        self.reference = reference
    }
}

public struct ReportLimits: Sendable, Codable, Equatable {
    public var maxPaths: Int
    public var maxSteps: Int
    public var maxLoopIterations: Int
    public var maxCallDepth: Int
    /// Per function; when it is hit the explored paths depend on the machine (the bound is named
    /// in the function's `boundsHit`).
    public var seconds: Double

    public init(maxPaths: Int, maxSteps: Int, maxLoopIterations: Int, maxCallDepth: Int, seconds: Double) {
        self.maxPaths = maxPaths
        self.maxSteps = maxSteps
        self.maxLoopIterations = maxLoopIterations
        self.maxCallDepth = maxCallDepth
        self.seconds = seconds
    }
}
