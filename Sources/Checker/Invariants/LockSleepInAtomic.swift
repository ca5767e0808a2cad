/// lock.sleep-in-atomic: no sleeping lock (lock_page, mutex_lock, an allocation that may sleep)
/// while a spinlock (the PTL) is held, or between pte_offset_map() and pte_unmap() (an RCU read
/// section from v6.5: include/linux/pgtable.h).
struct LockSleepInAtomic: Invariant {
    let id = "lock.sleep-in-atomic"
    let statement = "nothing that may sleep while a spinlock is held or inside pte_offset_map() .. pte_unmap() (v6.5+)"
    let reference = "Documentation/locking; include/linux/pgtable.h pte_offset_map(), v6.5"
    let relevantCalls = ["pte_unmap_unlock", "pte_unmap"]

    func judge(_ run: FunctionRun) -> [Finding] {
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                guard case .mightSleep(let name) = e.kind else { continue }
                let s = p.state(after: k - 1)
                let spins = s.held.filter { $0.value == .spin }.keys.sorted()
                if !spins.isEmpty {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message: "\(name) may sleep while \(spins.joined(separator: ", ")) is held",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
                if s.pteMapDepth > 0 && run.kernelDate >= "2023-06-01" {
                    return [
                        run.finding(
                            self, .violated, line: run.lineInFunction(p, k),
                            message:
                                "\(name) may sleep between pte_offset_map() and pte_unmap() (an RCU read-side section since v6.5)",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
        }
        return [
            run.finding(
                self, .holds, line: nil,
                message: "nothing sleeps under a spinlock or a PTE mapping on the explored paths")
        ]
    }
}
