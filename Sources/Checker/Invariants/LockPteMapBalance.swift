/// lock.pte-map-balance: every pte_offset_map() is matched by pte_unmap() on its path, and its
/// NULL return (possible from v6.5) is handled (include/linux/pgtable.h, v6.5).
struct LockPteMapBalance: Invariant {
    let id = "lock.pte-map-balance"
    let statement = "every pte_offset_map() is matched by pte_unmap(), and its NULL return is handled"
    let reference = "include/linux/pgtable.h pte_offset_map(), v6.5 (Hugh Dickins's series)"
    let relevantCalls = ["pte_unmap", "pte_offset_map"]

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            if let cut = p.cut, cut.contains("NULL") {
                if let k = p.events.lastIndex(where: {
                    if case .pteMap(true) = $0.kind { return true } else { return false }
                }) {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message: "pte_offset_map() returned NULL and the path went on to use it",
                            counterexample: run.counterexample(p))
                    ]
                }
            }
            guard p.cut == nil else { continue }
            let unmapsOnExit =
                (run.contract?.releasedOnExit.contains("ptl") ?? false) || (run.contract?.pteMappedOnEntry ?? false)
            if p.final.pteMapDepth != p.initial.pteMapDepth - (unmapsOnExit ? 1 : 0) {
                return [
                    run.finding(
                        self, .violated, line: p.events.last?.location.line,
                        message:
                            "pte_offset_map() and pte_unmap() do not pair up on this path (depth \(p.initial.pteMapDepth) on entry, \(p.final.pteMapDepth) on return)",
                        counterexample: run.counterexample(p))
                ]
            }
        }
        return [run.finding(self, .holds, line: nil, message: "PTE mappings pair up on every completed path")]
    }
}
