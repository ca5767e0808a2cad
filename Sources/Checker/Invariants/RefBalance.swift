/// ref.balance: every reference a path takes is dropped or handed on: folio_ref_add(n) is matched
/// by n new mappings or a folio_ref_sub, get_page by put_page or a mapping the reference now
/// stands for (include/linux/mm.h; fork's batching: mm/memory.c copy_present_ptes(), v6.9).
struct RefBalance: Invariant {
    let id = "ref.balance"
    let statement = "every reference a path takes is dropped or handed on to a mapping"
    let reference = "include/linux/mm.h get_page()/put_page(); mm/memory.c copy_present_ptes(), v6.9"
    let relevantCalls = ["folio_ref_sub", "put_page", "folio_put"]
    let mayBeHiddenByUnknownCalls = true

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths where p.cut == nil {
            for (n, start) in p.initial.pages.enumerated() where n < p.final.pages.count {
                let end = p.final.pages[n]
                let foreign = end.foreignRefs
                // References gained beyond new mappings (and other CPUs' references).
                let refDelta = end.refcount - start.refcount - foreign
                let mapDelta = end.mapcount - start.mapcount
                let swapDelta = end.swapCacheRefs - start.swapCacheRefs
                let handedOn = mapDelta + swapDelta
                if refDelta != handedOn && !(end.frozen || start.frozen) {
                    return [
                        run.finding(
                            self, .violated, line: p.events.last?.location.line,
                            message:
                                "page\(n): the path changed the refcount by \(refDelta) but the mappings by \(mapDelta)\(swapDelta != 0 ? " and the swap cache by \(swapDelta)" : ""): \(refDelta > handedOn ? "a reference leaks" : "a reference is dropped twice")",
                            counterexample: run.counterexample(p), removed: run.removed(mentioning: relevantCalls))
                    ]
                }
            }
            // Pages the path allocated: each reference left on one is a mapping's, the swap
            // cache's, or handed to the caller (returned or stored where the caller sees it).
            for n in p.initial.pages.count..<p.final.pages.count where !p.final.escaped.contains(n) {
                let end = p.final.pages[n]
                let left = end.refcount - end.foreignRefs - end.mapcount - end.swapCacheRefs - end.pageCacheRefs
                if left > 0 && !end.frozen {
                    return [
                        run.finding(
                            self, .violated, line: p.events.last?.location.line,
                            message:
                                "page\(n), allocated on this path, keeps \(left) reference\(left == 1 ? "" : "s") that no mapping, cache or caller holds: a reference leaks",
                            counterexample: run.counterexample(p), removed: run.removed(mentioning: relevantCalls))
                    ]
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil, message: "on every completed path the references taken equal the mappings made"
            )
        ]
    }
}
