/// ref.use-after-unpin: no operation on a page (unlock_page, a flag, a count) after the path has
/// given up the last thing that kept it alive for it: its own reference, or the PTE lock over a
/// PTE that maps the page. (be068f29034f "mm: fix misplaced unlock_page in do_wp_page()":
/// wp_page_reuse() drops the PTL, after which the page may be freed under us.) A page cache
/// page the path holds locked is kept alive by the cache's own reference: truncation and
/// reclaim take the page lock before they remove a page from the cache (mm/truncate.c
/// truncate_inode_pages_range(), mm/vmscan.c shrink_page_list(), 3.15).
struct RefUseAfterUnpin: Invariant {
    let id = "ref.use-after-unpin"
    let statement =
        "no operation on a page after the path gave up what kept it alive (its reference or the PTL over a PTE mapping it)"
    let reference = "be068f29034f (v5.9); mm/memory.c do_wp_page()"
    let relevantCalls = ["unlock_page", "put_page"]

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                guard case .pageAccess(let n, let op) = e.kind, n < e.state.pages.count else { continue }
                // The state before the access.
                let s = p.state(after: k - 1)
                let ownRef = (s.ownRefs[n] ?? 0) > 0
                let ptlMapping = s.held["ptl"] != nil && s.ptes.contains { $0.page == n && $0.present }
                let lockedInCache =
                    s.pages[n].flags.contains(.pageCache) && s.held[MMState.pageLockName(n)] == .pageLock
                if !ownRef && !ptlMapping && !lockedInCache && s.pages[n].refcount > 0 {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message:
                                "\(op)(page\(n)) after the path gave up both its reference and the PTE lock over the PTE mapping the page: the page may already be freed",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: "every page operation happens while a reference or the PTL keeps the page alive")
        ]
    }

}
