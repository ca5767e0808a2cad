/// The lock-balance family: every lock taken on a path is released on that path, in the mode it
/// was taken, or handed on by a documented contract; no double unlock, no unlock of what is not
/// held. One struct per lock kind, sharing the judge.
struct LockBalance {
    var kinds: Set<MMState.LockKind>
    var what: String

    func judge(_ inv: Invariant, _ run: FunctionRun) -> [Finding] {
        var handOffs: [String] = []
        for p in run.paths {
            for (k, e) in p.events.enumerated() {
                if case .lockMisuse(let lock, let w) = e.kind, relevant(lock, p) {
                    return [
                        run.finding(
                            inv, .violated, line: run.lineInFunction(p, k), message: "\(lock): \(w)",
                            counterexample: run.counterexample(p, upTo: k))
                    ]
                }
            }
            guard p.cut == nil, let last = p.events.last else { continue }
            let entry = p.initial.held.filter { kinds.contains($0.value) }
            let exit = p.final.held.filter { kinds.contains($0.value) }
            let expectedReleased = run.contract?.releasedOnExit ?? []
            for (lock, kind) in exit {
                if entry[lock] != nil && !expectedReleased.contains(lock) { continue }
                // Without a contract a callee's lock left held may be a hand-off the model does not
                // know; a contracted function hands on only what its contract names.
                let mayHandOn = run.contract.map { $0.handsOn.contains(lock) } ?? true
                if mayHandOn, let handOff = handOff(lock, p) {
                    if !handOffs.contains(handOff) { handOffs.append(handOff) }
                    continue
                }
                return [
                    run.finding(
                        inv, .violated, line: last.location.line,
                        message: "\(lock) (\(kind.rawValue)) is still held when \(run.function.name) returns",
                        counterexample: run.counterexample(p))
                ]
            }
            for lock in entry.keys where !expectedReleased.contains(lock) && exit[lock] == nil {
                return [
                    run.finding(
                        inv, .violated, line: last.location.line,
                        message:
                            "\(lock), held on entry, is released by \(run.function.name) although its callers expect it held",
                        counterexample: run.counterexample(p))
                ]
            }
        }
        // Locks a callee took that this function releases: handed on across the boundary.
        for p in run.paths {
            var takenIn: [String: String] = [:]
            for e in p.events {
                if case .acquire(let lock, let k) = e.kind, kinds.contains(k), e.function != run.function.name {
                    takenIn[lock] = e.function
                }
                if case .release(let lock, _) = e.kind, let callee = takenIn[lock], e.function == run.function.name {
                    let h =
                        "\(lock) is taken in \(callee) (under its contract) and released in \(run.function.name): handed on across the function boundary"
                    if !handOffs.contains(h) { handOffs.append(h) }
                    takenIn[lock] = nil
                }
            }
        }
        var out = [
            run.finding(inv, .holds, line: nil, message: "every \(what) taken is released on its path, in its mode")
        ]
        for h in handOffs { out.append(run.finding(inv, .info, line: nil, message: h)) }
        return out
    }

    func relevant(_ lock: String, _ p: PathRecord) -> Bool {
        if let k = p.final.held[lock] ?? p.initial.held[lock] { return kinds.contains(k) }
        for e in p.events {
            if case .acquire(lock, let k) = e.kind { return kinds.contains(k) }
            if case .release(lock, let k) = e.kind { return kinds.contains(k) }
        }
        return false
    }

    /// A lock a callee took and left held under its contract (a handler returning with a mutex).
    func handOff(_ lock: String, _ p: PathRecord) -> String? {
        for e in p.events {
            if case .acquire(lock, _) = e.kind, e.function != p.events.first?.function {
                return
                    "\(lock) is taken in \(e.function) and left held on return: handed on across the function boundary"
            }
        }
        return nil
    }
}

struct LockPageBalance: Invariant {
    let id = "lock.page-balance"
    let statement = "every page lock taken on a path is released on that path"
    let reference = "include/linux/pagemap.h lock_page()/trylock_page()/unlock_page()"
    let relevantCalls = ["unlock_page", "trylock_page", "lock_page"]
    let mayBeHiddenByUnknownCalls = true
    func judge(_ run: FunctionRun) -> [Finding] { LockBalance(kinds: [.pageLock], what: "page lock").judge(self, run) }
}

struct LockPtlBalance: Invariant {
    let id = "lock.ptl-balance"
    let statement = "every PTE lock (and other spinlock) taken on a path is released on that path"
    let reference = "include/linux/mm.h pte_offset_map_lock()/pte_unmap_unlock()"
    let relevantCalls = ["pte_unmap_unlock", "pte_offset_map_lock", "spin_unlock"]
    let mayBeHiddenByUnknownCalls = true
    func judge(_ run: FunctionRun) -> [Finding] { LockBalance(kinds: [.spin], what: "spinlock").judge(self, run) }
}

struct LockMutexBalance: Invariant {
    let id = "lock.mutex-balance"
    let statement = "every mutex or rwsem taken on a path is released on that path, in its mode"
    let reference = "kernel/locking/mutex.c mutex_lock()/mutex_unlock()"
    let relevantCalls = ["mutex_unlock", "mutex_lock"]
    let mayBeHiddenByUnknownCalls = true
    func judge(_ run: FunctionRun) -> [Finding] {
        LockBalance(kinds: [.mutex, .rwsemRead, .rwsemWrite], what: "mutex or rwsem").judge(self, run)
    }
}
