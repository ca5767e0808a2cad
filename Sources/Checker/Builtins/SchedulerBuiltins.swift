import CFrontEnd

/// Scheduler hints a lock-holding loop polls to break early: any answer is possible, so both are
/// explored.
enum SchedulerBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // include/linux/sched.h need_resched(), v6.7: tif_need_resched(), which the scheduler sets
        // on this CPU at any time (a timer tick, a wake-up elsewhere).
        r.add("need_resched", models: "include/linux/sched.h need_resched(), v6.7") { m, _ in
            .int(Int64(m.choose(2, "need_resched(): the scheduler asked this CPU to reschedule")))
        }
        // include/linux/sched.h spin_needbreak(), v6.7: spin_is_contended() with CONFIG_PREEMPTION,
        // else 0; another CPU may be waiting for the lock at any time.
        r.add("spin_needbreak", models: "include/linux/sched.h spin_needbreak(), v6.7") { m, a in
            _ = try m.values(a)
            return .int(Int64(m.choose(2, "spin_needbreak(): another CPU waits for this spinlock")))
        }
    }
}
