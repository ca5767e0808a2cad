import Checker

/// One invariant's verdict on one function, as the checker gave it, plus where it sits in the
/// version's diff.
public struct ReportFinding: Sendable, Codable, Equatable {
    /// Position in the version's `findings`; lines, functions and meetings refer to it.
    public var id: Int
    /// `patched` or `base` (the code before the patch, context only).
    public var kind: String
    /// The CONFIG_ sets it was found under (one finding for what several found alike).
    public var configurations: [[String]]
    public var invariant: String
    /// `holds`, `violated`, `info`, `unknown`.
    public var verdict: String
    public var function: String
    public var file: String
    /// Line in the checked file.
    public var line: Int?
    public var patchLine: PatchLineRef?
    public var removedLines: [PatchLineRef]
    public var message: String
    public var reason: String?
    public var counterexample: ReportCounterexample?
    /// The diff line it lands on, when it lands on one.
    public var at: LineAddress?
    /// The removed diff lines it follows from.
    public var followsFrom: [LineAddress]

    /// Shown beside its line: a patched version's violations, infos and unknowns, and the
    /// base's violations (context for what the patch changed).
    public var isNotable: Bool {
        kind == "patched" ? verdict != "holds" : verdict == "violated"
    }

    /// What the patched code is found to do: a violation or an info (not unknowns, not the base).
    public var isClaim: Bool { kind == "patched" && (verdict == "violated" || verdict == "info") }
}

/// A counterexample, its path cut to a readable length (the start and the end are kept).
public struct ReportCounterexample: Sendable, Codable, Equatable {
    public var initialState: String
    public var choices: [String]
    public var path: [PathStep]
    /// Steps left out of the middle of a long path.
    public var omittedSteps: Int
    public var finalState: String
}
