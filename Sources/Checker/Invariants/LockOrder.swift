/// lock.order: locks are taken in the kernel's documented order: mmap_lock, then the page lock,
/// then the mapping's i_mmap lock, then anon_vma's, then the page table lock, then the swap and
/// page cache tree locks (the lock-ordering comment at the top of mm/rmap.c, v3.14-v5.8; 2.6.11
/// has the same order for the locks modelled here). Waiting for a lock that ranks before one
/// already held can deadlock against a CPU that takes them in order; a trylock never waits.
struct LockOrder: Invariant {
    let id = "lock.order"
    let statement = "no path waits for a lock that ranks before one it holds (mm/rmap.c lock ordering)"
    let reference = "mm/rmap.c lock-ordering comment, v3.14-v5.8"
    let relevantCalls: [String] = []

    /// Rank of a lock by its name in the checker; nil for locks the ordering does not place.
    static func rank(_ lock: String) -> Int? {
        if lock.contains("mmap_lock") || lock.contains("mmap_sem") { return 1 }
        if lock.hasPrefix("page"), Int(lock.dropFirst(4)) != nil { return 2 }
        if lock.contains("i_mmap") { return 3 }
        if lock.contains("anon_vma") { return 4 }
        if lock == "ptl" || lock.hasPrefix("ptl#") || lock.hasSuffix("page_table_lock") { return 5 }
        if lock.contains("swap") || lock.contains("tree_lock") || lock.contains("i_pages") { return 6 }
        return nil
    }

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                guard case .wait(let lock) = e.kind, let r = Self.rank(lock) else { continue }
                let held = p.state(after: k - 1).held.keys.filter { $0 != lock }
                if let worse = held.sorted().first(where: { (Self.rank($0) ?? 0) > r }) {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message:
                                "waits for \(lock) while holding \(worse), which the kernel's lock order puts after it",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
        }
        return [
            run.finding(self, .holds, line: nil, message: "every blocking acquire respects the documented lock order")
        ]
    }
}
