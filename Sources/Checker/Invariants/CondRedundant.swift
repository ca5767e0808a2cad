import CFrontEnd

/// cond.redundant: an operand of `&&`/`||` in a changed condition that cannot change the result
/// in any state consistent with the model's invariants (ref.consistent: refcount >= mapcount).
/// Violated when the dead operand defeats the check's evident purpose (a re-check, under a lock,
/// of what was checked before the lock was taken, made dead); info when it is merely subsumed.
struct CondRedundant: Invariant {
    let id = "cond.redundant"
    let statement = "no operand of a changed && / || condition is dead under the model's invariants"
    let reference = "ref.consistent (include/linux/mm.h page_count() >= page_mapcount())"
    let relevantCalls: [String] = []

    func judge(_ run: FunctionRun) -> [Finding] {
        let interesting: Set<Int> = run.isBase ? Set(run.removedLines.compactMap(\.fileLine)) : run.addedLines
        // Updated in place (no copy of the growing arrays per event); paths by index.
        // Samples as a set: every path adds ~200 rows, mostly the same ones, and the judgement
        // below depends only on which rows occur.
        var sites: [CLocation: (isAnd: Bool, samples: Set<[Int64?]>, paths: [(path: Int, event: Int)])] = [:]
        for (pi, p) in run.paths.enumerated() {
            for (k, e) in p.events.enumerated() {
                guard case .condition(let site, let isAnd, let samples, _) = e.kind, e.function == run.function.name,
                    interesting.contains(site.line)
                else { continue }
                sites[site, default: (isAnd, [], [])].samples.formUnion(samples)
                sites[site, default: (isAnd, [], [])].paths.append((pi, k))
            }
        }
        var findings: [Finding] = []
        for (site, s) in sites.sorted(by: { $0.key.line < $1.key.line }) {
            guard let expr = CSyntaxSearch.logicalExpression(at: site, in: run.function.body) else { continue }
            let ops = CSyntaxSearch.operands(expr)
            let rows = s.samples.filter { $0.count == ops.count && $0.allSatisfy { $0 != nil } }.map {
                $0.map { $0! != 0 }
            }
            guard !rows.isEmpty else { continue }
            for i in ops.indices {
                // Only operands that the explored states move can be judged: one that reads
                // nothing the model varies (an address bound) says nothing either way.
                let column = Set(rows.map { $0[i] })
                guard column.count == 2 else { continue }
                let dead = rows.allSatisfy { r in
                    combine(r, s.isAnd) == combine(r.enumerated().filter { $0.offset != i }.map(\.element), s.isAnd)
                }
                guard dead, ops.count > 1 else { continue }
                let deadText = CExprPrinter.text(ops[i])
                let rest = ops.enumerated().filter { $0.offset != i }.map { CExprPrinter.text($0.element) }
                let reduced = rest.joined(separator: s.isAnd ? " && " : " || ")
                // A re-check made dead: what the operand reads was read before a lock was taken
                // on a path to this condition.
                let calls = Set(CExprPrinter.calls(ops[i]))
                var recheckLine: Int?
                for (pi, k) in s.paths {
                    let p = run.paths[pi]
                    let heldAtSite = p.events[k].state.held
                    var sawRead: Int?
                    for e in p.events[..<k] {
                        // An earlier read on another line of this function...
                        if case .check(let name, _, _) = e.kind, calls.contains(name), e.function == run.function.name,
                            e.location.line != site.line
                        {
                            sawRead = e.location.line
                        }
                        // ...then a lock taken that is still held here: the condition re-checks it under the lock.
                        if case .acquire(let lock, _) = e.kind, let r = sawRead, heldAtSite[lock] != nil {
                            recheckLine = r
                        }
                    }
                    if recheckLine != nil { break }
                }
                let whole = CExprPrinter.text(expr)
                if let r = recheckLine {
                    let intent = s.isAnd ? "||" : "&&"
                    findings.append(
                        run.finding(
                            self, .violated, line: site.line,
                            message:
                                "`\(deadText)` cannot change `\(whole)`: under ref.consistent (refcount >= mapcount) the condition reduces to `\(reduced)`, so the re-check of what line \(r) checked before the lock was taken is dead; the likely intent is `\(rest.first ?? "") \(intent) \(deadText)`",
                            counterexample: s.paths.first.map { run.counterexample(run.paths[$0.path], upTo: $0.event) }
                        ))
                } else {
                    findings.append(
                        run.finding(
                            self, .info, line: site.line,
                            message:
                                "`\(deadText)` is subsumed in `\(whole)`: under the model's invariants the condition equals `\(reduced)` (harmless, but it reads as if it mattered)"
                        ))
                }
            }
        }
        if findings.contains(where: { $0.verdict == .violated }) { return findings }
        return [
            run.finding(
                self, .holds, line: nil,
                message: sites.isEmpty
                    ? "no changed &&/|| condition of reads on the explored paths"
                    : "no changed condition has a dead re-check")
        ] + findings
    }

    func combine(_ values: [Bool], _ isAnd: Bool) -> Bool {
        isAnd ? values.allSatisfy { $0 } : values.contains(true)
    }
}
