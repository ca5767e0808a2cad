/// ksm.no-inplace-reuse: a KSM page is never reused in place without the KSM path
/// (reuse_ksm_page(), which refuses unless it can freeze the refcount at 1 and takes the page
/// over). KSM's stable tree holds no reference of its own (mm/ksm.c, v5.8), so refcount 1 and
/// mapcount 1 do not make a KSM page exclusive.
struct KsmNoInplaceReuse: Invariant {
    let id = "ksm.no-inplace-reuse"
    let statement = "a KSM page is never reused in place without the KSM path"
    let reference = "mm/ksm.c reuse_ksm_page(), v5.8; mm/memory.c do_wp_page(), v5.8"
    let relevantCalls = ["PageKsm", "reuse_ksm_page"]

    func judge(_ run: FunctionRun) -> [Finding] {
        var ksmPaths = 0
        for p in run.paths {
            for (r, e) in p.events.enumerated() {
                guard case .reuse(let n) = e.kind, e.state.pages[n].flags.contains(.ksm) else { continue }
                ksmPaths += 1
                let viaKsm = p.events[..<r].contains {
                    if case .ksmReuse(n, true) = $0.kind { return true } else { return false }
                }
                if !viaKsm {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, r),
                            message:
                                "a KSM page (\(e.state.pages[n].summary)) is made writable in place without reuse_ksm_page()",
                            counterexample: run.counterexample(p, upTo: r),
                            removed: run.removed(mentioning: relevantCalls))
                    ]
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: ksmPaths == 0
                    ? "no path reuses a KSM page in place"
                    : "every in-place reuse of a KSM page went through reuse_ksm_page()")
        ]
    }
}
