/// rss.accounting: rss counters change by the number of pages mapped or unmapped: on every
/// completed path, the sum of the counter changes equals the change in mappings of the pages
/// (include/linux/mm.h inc_mm_counter()/add_mm_rss_vec(); mm/memory.c copy_present_ptes(),
/// wp_page_copy(), v5.8-v6.7). Before 2.6.14 the counter is the plain `mm->rss` field
/// (mm/memory.c do_swap_page(), mm/rmap.c try_to_unmap_one(), 2.6.11).
struct RssAccounting: Invariant {
    let id = "rss.accounting"
    let statement = "rss counters change by the number of pages mapped or unmapped"
    let reference = "include/linux/mm.h inc_mm_counter(); mm/memory.c copy_present_ptes(), v6.7"
    let relevantCalls = ["rss[", "inc_mm_counter", "dec_mm_counter", "add_mm_counter", "->rss"]

    func judge(_ run: FunctionRun) -> [Finding] {
        var counted = 0
        for p in run.paths where p.cut == nil {
            let rssDelta = p.final.rss.values.reduce(0, +) - p.initial.rss.values.reduce(0, +)
            var mapDelta = 0
            for (n, end) in p.final.pages.enumerated() {
                let start = n < p.initial.pages.count ? p.initial.pages[n].mapcount : 0
                mapDelta += end.mapcount - start
            }
            // Only paths that touched rss or mappings say anything.
            guard rssDelta != 0 || mapDelta != 0 else { continue }
            counted += 1
            if rssDelta != mapDelta {
                return [
                    run.finding(
                        self, .violated,
                        line: p.events.last.map { _ in run.lineInFunction(p, p.events.count - 1) } ?? nil,
                        message: "rss counters changed by \(rssDelta) but mappings by \(mapDelta)",
                        counterexample: run.counterexample(p), removed: run.removed(mentioning: relevantCalls))
                ]
            }
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: counted == 0
                    ? "no path changes rss or mappings" : "rss changes match the mappings made on every completed path")
        ]
    }
}
