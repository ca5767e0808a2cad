import CFrontEnd

/// What happened on one path, in order: the interpreter records, the invariants read.
public struct TraceEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A source line was executed (the path of a counterexample).
        case line
        /// A builtin read page state: `page_count`, `page_mapcount`, `PageKsm`, `reuse_swap_page`...
        /// `decides` marks reads that decide reuse (counts, KSM, swap reuse).
        case check(name: String, page: Int, result: Int64)
        /// The page is reused in place for a write (`wp_page_reuse`, making the PTE writable).
        case reuse(page: Int)
        /// reuse_ksm_page() returned `ok` for the page.
        case ksmReuse(page: Int, ok: Bool)
        case acquire(lock: String, kind: MMState.LockKind)
        /// A blocking acquire is about to wait for `lock` (trylock does not wait).
        case wait(lock: String)
        case release(lock: String, kind: MMState.LockKind)
        /// A lock operation on a lock not held / already held.
        case lockMisuse(lock: String, what: String)
        /// An operation on the page (unlock_page, a flag, a count) that needs it alive.
        case pageAccess(page: Int, op: String)
        case refTaken(page: Int, count: Int)
        case refDropped(page: Int, count: Int)
        /// Another CPU took a reference (GUP-fast or a speculative lookup) at this point.
        case foreignRef(page: Int, by: String)
        /// Another CPU changed the PTE while its lock was dropped.
        case pteChanged(index: Int)
        case pteCompared(index: Int, same: Bool)
        /// The PTE was read afresh (ptep_get) under its lock: as good as a revalidation.
        case pteRead
        case pteWrite(index: Int, page: Int?)
        /// set_ptes(): `nr` entries from pfn `pfn`, copied from the source PTEs at `sourceIndex`.
        case batch(pfn: Int, nr: Int)
        case mayAllocate(name: String, failed: Bool)
        /// A call that may sleep (lock_page, mutex_lock, GFP_KERNEL allocation).
        case mightSleep(name: String)
        case pteMap(nullReturned: Bool)
        case pteUnmap
        case rss(counter: String, delta: Int)
        case unknownCall(name: String)
        /// A `&&`/`||` condition made of reads: the operands' values in the current state first,
        /// then in every other consistent state of the pages it reads (for `cond.redundant`).
        case condition(site: CLocation, isAnd: Bool, samples: [[Int64?]], result: Bool)
        case returned(Value)
        case note(String)
    }
    public var kind: Kind
    public var location: CLocation
    public var function: String
    /// The state right after the event (empty for `.line` events: use `PathRecord.state(after:)`).
    public var state: MMState
}

/// One explored path: its choices, events, final state and how it ended.
public struct PathRecord: Sendable {
    public var choices: [String]
    public var events: [TraceEvent]
    public var initial: MMState
    public var final: MMState
    public var returned: Value?
    /// The path was cut by a bound (loop unrolling, steps) or an interpreter limit.
    public var cut: String?
    /// Calls the model does not know that this path went through.
    public var unknownCalls: Set<String>
}

extension PathRecord {
    /// The state after event `k` (the last state-carrying event at or before it).
    func state(after k: Int) -> MMState {
        var i = min(k, events.count - 1)
        while i >= 0 {
            if case .line = events[i].kind {
                i -= 1
                continue
            }
            return events[i].state
        }
        return initial
    }
}
