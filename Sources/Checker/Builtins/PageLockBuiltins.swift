import CFrontEnd

/// The page lock (PG_locked), mutexes and spinlocks other than the PTL.
enum PageLockBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // include/linux/pagemap.h trylock_page(), v5.8: test_and_set PG_locked; fails when
        // anyone (another CPU's reclaim, migration, swap-in...) holds it.
        r.add(["trylock_page", "folio_trylock"], models: "include/linux/pagemap.h trylock_page(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("trylock_page") }
            m.emit(.pageAccess(page: n, op: "trylock_page"))
            if m.state.held[MMState.pageLockName(n)] != nil { return .int(0) }
            if m.choose(2, "trylock_page(page\(n)) fails: another CPU holds the page lock") == 1 { return .int(0) }
            m.takePageLock(n, blocking: false)
            return .int(1)
        }
        // 2.6.11 TestSetPageLocked(): returns the old bit (nonzero means somebody held it).
        r.add("TestSetPageLocked", models: "include/linux/page-flags.h TestSetPageLocked(), 2.6.11") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("TestSetPageLocked") }
            if m.state.held[MMState.pageLockName(n)] != nil { return .int(1) }
            if m.choose(2, "TestSetPageLocked(page\(n)) finds the page locked by another CPU") == 1 { return .int(1) }
            m.takePageLock(n, blocking: false)
            return .int(0)
        }
        // mm/filemap.c lock_page() -> __lock_page(), v5.8: sleeps until PG_locked is ours.
        r.add(["lock_page", "folio_lock"], models: "include/linux/pagemap.h lock_page(), v5.8 (may sleep)") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("lock_page") }
            m.emit(.mightSleep(name: "lock_page"))
            m.emit(.pageAccess(page: n, op: "lock_page"))
            m.takePageLock(n)
            return .int(0)
        }
        // mm/filemap.c unlock_page(), v5.8: clears PG_locked and wakes waiters; touches the page.
        r.add(["unlock_page", "folio_unlock"], models: "mm/filemap.c unlock_page(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("unlock_page") }
            m.emit(.pageAccess(page: n, op: "unlock_page"))
            m.state.pages[n].flags.remove(.locked)
            m.release(MMState.pageLockName(n), .pageLock)
            return .int(0)
        }
        // kernel/locking/mutex.c mutex_lock()/mutex_unlock(): sleeping locks.
        r.add("mutex_lock", models: "kernel/locking/mutex.c mutex_lock() (may sleep)") { m, a in
            let v = try m.values(a)
            guard let lock = v.first.flatMap(m.lockName) else { return .unknown("mutex_lock") }
            m.emit(.mightSleep(name: "mutex_lock"))
            m.acquire(lock, .mutex)
            return .int(0)
        }
        r.add("mutex_unlock", models: "kernel/locking/mutex.c mutex_unlock()") { m, a in
            let v = try m.values(a)
            guard let lock = v.first.flatMap(m.lockName) else { return .unknown("mutex_unlock") }
            m.release(lock, .mutex)
            return .int(0)
        }
        // include/linux/spinlock.h spin_lock()/spin_unlock() and the _irq and rwlock variants.
        for (name, acquire) in [
            ("spin_lock", true), ("spin_lock_irq", true), ("write_lock_irq", true), ("read_lock_irq", true),
            ("spin_unlock", false), ("spin_unlock_irq", false), ("write_unlock_irq", false), ("read_unlock_irq", false),
        ] {
            r.add(name, models: "include/linux/spinlock.h \(name)()") { m, a in
                let v = try m.values(a)
                guard let lock = Self.globalLockName(a.first) ?? v.first.flatMap(m.lockName) else {
                    return .unknown(name)
                }
                if acquire {
                    m.acquire(lock, .spin)
                    if lock == "ptl" { m.ptlRetaken() }
                } else {
                    m.release(lock, .spin)
                }
                return .int(0)
            }
        }
        r.add("spin_lock_nested", models: "include/linux/spinlock.h spin_lock_nested()") { m, a in
            let v = try m.values(a)
            guard let lock = v.first.flatMap(m.lockName) else { return .unknown("spin_lock_nested") }
            m.acquire(lock, .spin)
            return .int(0)
        }
    }

    /// `&mmlist_lock`: a lock that is a plain variable is named by its identifier (the same name
    /// at every use, whatever object the evaluator made for it).
    static func globalLockName(_ e: CExpr?) -> String? {
        guard let e, case .unary(.addressOf, let operand) = e.kind, case .identifier(let n) = operand.kind else {
            return nil
        }
        return n
    }
}

extension Machine {
    /// PG_locked set and the page's lock held by this path (lock_page(), a trylock that won, a
    /// handler that returns the page locked).
    func takePageLock(_ n: Int, blocking: Bool = true) {
        state.pages[n].flags.insert(.locked)
        acquire(MMState.pageLockName(n), .pageLock, blocking: blocking)
    }
}

extension MMState {
    /// The name a page's lock is held under (`page0`), as entry contracts name it.
    static func pageLockName(_ n: Int) -> String { "page\(n)" }
}
