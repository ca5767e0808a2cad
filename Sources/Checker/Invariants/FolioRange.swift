/// folio.range: a PTE batch (set_ptes of nr entries) never runs past the folio or `end`, and
/// covers present, pfn-contiguous source PTEs of that folio only (mm/memory.c
/// copy_present_ptes(), folio_pte_batch() in v6.9: f8d937761d65).
struct FolioRange: Invariant {
    let id = "folio.range"
    let statement = "a PTE batch stays inside its folio and before `end`, over present, contiguous PTEs"
    let reference = "mm/memory.c copy_present_ptes()/folio_pte_batch(), v6.9 (f8d937761d65)"
    let relevantCalls = ["folio_nr_pages_cont_mapped", "floops", "end"]

    func judge(_ run: FunctionRun) -> [Finding] {
        var batches = 0
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                guard case .batch(let pfn, let nr) = e.kind, nr > 1 else { continue }
                batches += 1
                guard let n = p.initial.pageIndex(ofPFN: pfn) else { continue }
                let folioEnd = MMState.pfnBase(n) + p.initial.pages[n].nrPages
                var why: String?
                if pfn + nr > folioEnd { why = "runs \(pfn + nr - folioEnd) page(s) past the end of the folio" }
                // The batch starts at the source PTE that maps its first pfn (a caller's loop may
                // have copied the PTEs before it one by one).
                let source = p.initial.ptes
                let first = source.firstIndex { $0.present && $0.pfn == pfn } ?? 0
                if let span = p.initial.spanPages, first + nr > span {
                    why = "covers \(nr) PTEs from PTE \(first) but only \(span - first) lie before `end`"
                }
                for i in first..<(first + nr) where why == nil {
                    if i >= source.count || !source[i].present || source[i].pfn != pfn + i - first {
                        why = "includes source PTE \(i), which is not present or not contiguous"
                    }
                }
                if let why {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k), message: "a batch of \(nr) PTEs \(why)",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: batches == 0
                    ? "no PTE batch on the explored paths" : "every PTE batch stays inside its folio and before `end`")
        ]
    }
}
