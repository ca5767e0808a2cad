/// The bookkeeping every reference and rss builtin does the same way: the count changes, the
/// path's own share of it changes with it, and the change is an event the invariants read.
extension Machine {
    /// `k` references taken on page `n` by this path (to drop, or hand on to a mapping).
    func takeRefs(_ n: Int, _ k: Int) {
        state.pages[n].refcount += k
        state.ownRefs[n, default: 0] += k
        emit(.refTaken(page: n, count: k))
    }

    /// `k` of this path's references on page `n` dropped.
    func dropRefs(_ n: Int, _ k: Int) {
        state.pages[n].refcount -= k
        state.ownRefs[n, default: 0] -= k
        emit(.refDropped(page: n, count: k))
    }

    /// An mm rss counter (`MM_ANONPAGES`, 2.6.11's `mm->rss`) changed by `delta`.
    func countRSS(_ name: String, _ delta: Int) {
        state.rss[name, default: 0] += delta
        emit(.rss(counter: name, delta: delta))
    }
}
