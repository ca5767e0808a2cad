/// cow.reuse-exclusive: a write fault reuses an anon page in place only if the faulting mapping
/// is its only user: mapcount 1, no other reference (refcount 1, plus the swap cache's own), not
/// KSM (unless reuse_ksm_page took it over), no GUP pin. Judged at the last check on the path to
/// reuse: the true state at that moment must be exclusive. A reference another CPU takes after
/// that check is outside the decision (the R/O GUP-fast race, closed in v5.19 by
/// PageAnonExclusive: 6c287605fd56), reported as info for earlier kernels.
struct CowReuseExclusive: Invariant {
    let id = "cow.reuse-exclusive"
    let statement = "a write fault reuses an anon page in place only if the faulting mapping is its only user"
    let reference = "mm/memory.c do_wp_page(); CVE-2020-29374 (17839856fd58, 09854ba94c6a); v5.19 PageAnonExclusive"
    let relevantCalls = [
        "reuse_swap_page", "page_count", "page_mapcount", "can_share_swap_page", "exclusive_swap_page",
    ]
    static let decisionChecks: Set<String> = [
        "page_count", "page_mapcount", "reuse_swap_page", "PageKsm", "PageSwapCache",
    ]

    func judge(_ run: FunctionRun) -> [Finding] {
        var reuses = 0
        var info: Finding?
        // The simplest counterexample wins: fewest choices (a starting state over a race).
        var violation: (Finding, Int)?
        // KSM alone is ksm.no-inplace-reuse's to report in detail; counts come first here.
        for p in run.paths {
            for (r, e) in p.events.enumerated() {
                var n: Int
                switch e.kind {
                case .reuse(let page): n = page
                case .returned(let v) where run.contract?.returnTrueReuses == true && v.truth == true: n = 0
                default: continue
                }
                reuses += 1
                let viaKsm = p.events[..<r].contains {
                    if case .ksmReuse(n, true) = $0.kind { return true } else { return false }
                }
                // The last check on the page before the reuse: the moment the decision was made.
                let c = p.events[..<r].lastIndex { ev in
                    if case .check(let name, n, _) = ev.kind { return Self.decisionChecks.contains(name) }
                    return false
                }
                let at = c.map { p.events[$0].state } ?? e.state
                let page = at.pages[n]
                let refsBesidesMapping = page.refcount - page.swapCacheRefs
                var why: [String] = []
                if page.mapcount != 1 { why.append("mapcount \(page.mapcount)") }
                if refsBesidesMapping != 1 {
                    why.append(
                        "refcount \(page.refcount)\(page.swapCacheRefs > 0 ? " (\(page.swapCacheRefs) of them the swap cache's)" : "")"
                    )
                }
                if page.pins > 0 { why.append("\(page.pins) GUP pin(s)") }
                if page.flags.contains(.ksm) && !viaKsm { why.append("a KSM page") }
                if !why.isEmpty {
                    let line = run.lineInFunction(p, r)
                    let checkLine = c.map { p.events[$0].location.line }
                    let foreign = p.events[..<(c ?? r)].contains {
                        if case .foreignRef = $0.kind { return true } else { return false }
                    }
                    let checkName: String? = c.flatMap {
                        if case .check(let name, _, _) = p.events[$0].kind { return name } else { return nil }
                    }
                    let how =
                        foreign
                        ? "a reference another CPU took before the last check was not seen"
                        : "the last check\(checkName.map { " (\($0)())" } ?? "") does not read what makes the page shared"
                    var context = ""
                    if run.isBase && run.kernelDate >= "2020-06-01" && run.kernelDate < "2020-10-01" {
                        context =
                            " (in v5.8 the system was safe only because GUP itself broke COW before taking the reference, 17839856fd58)"
                    }
                    let f = run.finding(
                        self, .violated, line: line,
                        message:
                            "page reused in place although, at the last check\(checkLine.map { " (line \($0))" } ?? ""), it had \(why.joined(separator: ", ")): \(how)\(context)",
                        counterexample: run.counterexample(p, upTo: r), removed: run.removed(mentioning: relevantCalls))
                    let rank = p.choices.count + (why == ["a KSM page"] ? 100 : 0)
                    if violation == nil || rank < violation!.1 { violation = (f, rank) }
                    continue
                }
                // Exclusive at the decision, shared by the time it is reused: outside the decision.
                let now = e.state.pages[n]
                if info == nil, now.refcount - now.swapCacheRefs > 1, run.kernelDate < "2022-06-01" {
                    info = run.finding(
                        self, .info, line: run.lineInFunction(p, r),
                        message:
                            "a GUP-fast reference taken after the last check is outside the decision: the R/O GUP-fast race, closed only in v5.19 by PageAnonExclusive",
                        counterexample: run.counterexample(p, upTo: r))
                }
            }
        }
        if let v = violation { return [v.0] }
        if reuses == 0 {
            if let unknown = run.unknownWithoutDecision() {
                return [
                    run.finding(
                        self, .unknown, line: nil, message: "no path reached a reuse the model can see", reason: unknown
                    )
                ]
            }
            return [run.finding(self, .holds, line: nil, message: "no path reuses a page in place")]
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: "every in-place reuse (\(reuses) on the explored paths) was decided on an exclusive page")
        ] + (info.map { [$0] } ?? [])
    }
}

extension FunctionRun {
    /// When paths went through unknown calls, why a verdict may rest on them.
    func unknownWithoutDecision() -> String? {
        let u = unknownCalls
        return u.isEmpty
            ? nil : "paths went through calls the model does not know: \(u.sorted().joined(separator: ", "))"
    }
}
