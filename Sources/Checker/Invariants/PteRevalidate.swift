/// pte.revalidate: after a PTE lock is dropped and retaken, the PTE is checked (pte_same() against
/// the old value, or read afresh with ptep_get() as fork's copy_pte_range() does) before it is used (mm/memory.c do_wp_page() trylock-fail path and wp_page_copy(), v5.8).
struct PteRevalidate: Invariant {
    let id = "pte.revalidate"
    let statement = "after the PTE lock is dropped and retaken, the PTE is compared (pte_same) before use"
    let reference = "mm/memory.c wp_page_copy()/do_wp_page(), v5.8"
    let relevantCalls = ["pte_same"]

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            var retaken = false
            var dropped = false
            var compared = false
            for (k, e) in p.events.enumerated() {
                switch e.kind {
                case .release("ptl", _): dropped = true
                case .acquire("ptl", _):
                    if dropped {
                        retaken = true
                        compared = false
                    }
                case .pteCompared, .pteRead: compared = true
                case .pteWrite, .reuse:
                    if retaken && !compared {
                        return [
                            run.finding(
                                self, .violated, line: run.lineInFunction(p, k),
                                message: "the PTE is written after the PTL was dropped and retaken, without pte_same()",
                                counterexample: run.counterexample(p, upTo: k),
                                removed: run.removed(mentioning: relevantCalls))
                        ]
                    }
                default: break
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil, message: "every PTE use after the PTL was retaken is preceded by pte_same()")
        ]
    }
}
