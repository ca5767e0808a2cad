import CFrontEnd

/// One invariant's verdict on one function of one version, with the evidence.
public struct Finding: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable { case holds, violated, info, unknown }
    public var invariant: String
    public var verdict: Verdict
    public var function: String
    public var file: String
    /// Line in the checked (patched or base) file where it happens.
    public var line: Int?
    /// The patch line it lands on, when it does: `kind` (added/removed/context), the text, and
    /// the line numbers in the old/new file as the hunk counts them.
    public var patchLine: PatchLineRef?
    /// Removed patch lines whose removal the finding follows from.
    public var removedLines: [PatchLineRef]
    public var message: String
    public var counterexample: Counterexample?
    /// For `unknown`: which unmodelled call or which bound.
    public var reason: String?
}

public struct PatchLineRef: Sendable, Codable, Equatable {
    public var kind: String
    public var text: String
    public var oldLine: Int?
    public var newLine: Int?
    /// The line in the checked file (patched for added/context lines, base for removed ones).
    public var fileLine: Int?
}

public struct Counterexample: Sendable, Codable, Equatable {
    public var initialState: String
    /// What the explorer chose on this path (another CPU's reference, a failed trylock...).
    public var choices: [String]
    public var path: [PathStep]
    public var finalState: String
}

public struct PathStep: Sendable, Codable, Equatable {
    public var line: Int
    public var function: String
    public var text: String
    /// The line's place in the patch, when it is a patch line (`+`, `-`, ` `).
    public var patch: String?
}
