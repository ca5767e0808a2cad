/// ref.consistent: refcount >= mapcount (+ pins) in every state, except while the count is frozen
/// (page_ref_freeze(): 0 while mapped, include/linux/page_ref.h).
struct RefConsistent: Invariant {
    let id = "ref.consistent"
    let statement = "refcount >= mapcount + pins in every state, unless frozen"
    let reference = "include/linux/mm.h page_count()/page_mapcount(); include/linux/page_ref.h page_ref_freeze()"
    let relevantCalls = ["get_page", "put_page", "folio_ref_add", "folio_ref_sub"]
    let mayBeHiddenByUnknownCalls = true

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                for page in e.state.pages where !page.frozen && page.refcount < page.mapcount + page.pins {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message:
                                "page\(page.id) has refcount \(page.refcount) below mapcount \(page.mapcount) + pins \(page.pins)",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
        }
        return [run.finding(self, .holds, line: nil, message: "refcount >= mapcount + pins in every explored state")]
    }
}
