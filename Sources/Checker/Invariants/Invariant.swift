import CFrontEnd
import Foundation

/// An invariant: a stable id, a one-line statement, the kernel reference it comes from, and a
/// judge that reads the explored paths of one function. One file each, registered in
/// `InvariantRegistry.all`.
protocol Invariant: Sendable {
    var id: String { get }
    var statement: String { get }
    var reference: String { get }
    /// API names whose removal from a function matters to this invariant (to name removed lines).
    var relevantCalls: [String] { get }
    /// A call nobody modelled may take or drop what this invariant counts (references, locks):
    /// a `holds` on paths through such calls is only `unknown`.
    var mayBeHiddenByUnknownCalls: Bool { get }
    func judge(_ run: FunctionRun) -> [Finding]
}

extension Invariant {
    var mayBeHiddenByUnknownCalls: Bool { false }
}

/// Everything an invariant sees: the function, its source, the explored paths and what the patch
/// changed in it.
struct FunctionRun {
    var function: CFunction
    var file: String
    var sourceLines: [String]
    var paths: [PathRecord]
    var contract: EntryContract?
    /// Lines of the checked file that the patch added (empty for the base).
    var addedLines: Set<Int>
    /// The kernel date of the base (`YYYY-MM-DD`), for version-dependent judgements.
    var kernelDate: String
    /// Maps a file line to its patch line, when it is one.
    var patchLine: (Int) -> PatchLineRef?
    /// Removed patch lines in this function (base file lines), for findings that follow from removal.
    var removedLines: [PatchLineRef]
    var isBase: Bool

    func text(_ line: Int) -> String {
        line >= 1 && line <= sourceLines.count ? sourceLines[line - 1].trimmingCharacters(in: .whitespaces) : ""
    }

    /// A counterexample from a path, up to event `upTo` (inclusive).
    func counterexample(_ p: PathRecord, upTo: Int? = nil) -> Counterexample {
        let end = upTo ?? (p.events.count - 1)
        var steps: [PathStep] = []
        var lastLine = -1
        var lastFunction = ""
        for e in p.events.prefix(end + 1) {
            guard case .line = e.kind else { continue }
            if e.location.line == lastLine && e.function == lastFunction { continue }
            lastLine = e.location.line
            lastFunction = e.function
            let inThis = e.function == function.name
            let pl = inThis ? patchLine(e.location.line) : nil
            steps.append(
                PathStep(
                    line: e.location.line, function: e.function,
                    text: inThis ? text(e.location.line) : "",
                    patch: pl.map { ($0.kind == "added" ? "+" : $0.kind == "removed" ? "-" : " ") + $0.text }))
        }
        let final = end < p.events.count ? p.state(after: end) : p.final
        return Counterexample(
            initialState: p.initial.summary, choices: p.choices, path: steps, finalState: final.summary)
    }

    /// The line in the judged function where event `k` of a path happens: its own line, or the
    /// call into the callee it happens in.
    func lineInFunction(_ p: PathRecord, _ k: Int) -> Int? {
        if p.events[k].function == function.name { return p.events[k].location.line }
        return p.events[...k].last { ev in
            if case .line = ev.kind { return ev.function == function.name }
            return false
        }?.location.line
    }

    func finding(
        _ inv: Invariant, _ verdict: Finding.Verdict, line: Int?, message: String,
        counterexample: Counterexample? = nil,
        reason: String? = nil, removed: [PatchLineRef] = []
    ) -> Finding {
        Finding(
            invariant: inv.id, verdict: verdict, function: function.name, file: file, line: line,
            patchLine: line.flatMap(patchLine), removedLines: removed, message: message, counterexample: counterexample,
            reason: reason)
    }

    /// Removed patch lines that mention one of `calls`.
    func removed(mentioning calls: [String]) -> [PatchLineRef] {
        removedLines.filter { r in calls.contains { r.text.contains($0) } }
    }

    /// Unknown calls on paths (for `unknown` verdicts).
    var unknownCalls: Set<String> { paths.reduce(into: Set<String>()) { $0.formUnion($1.unknownCalls) } }
}

enum InvariantRegistry {
    static let all: [Invariant] = [
        CowReuseExclusive(), KsmNoInplaceReuse(), RefUseAfterUnpin(), RefConsistent(), RefBalance(),
        LockPageBalance(), LockPtlBalance(), LockMutexBalance(), LockSleepInAtomic(), LockPteMapBalance(),
        PteRevalidate(), CondRedundant(), RssAccounting(), FolioRange(), LockOrder(),
    ]
}
