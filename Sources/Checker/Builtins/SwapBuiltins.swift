/// Swap cache, swap counts, KSM reuse.
enum SwapBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // mm/swapfile.c reuse_swap_page(), v5.8: false for KSM; count = mapcount + swapcount (the
        // refcount is never read, so a GUP reference is invisible to it); if count == 1 and the
        // page is in the swap cache and not under writeback, delete it from the swap cache
        // (dropping the swap cache's reference) and dirty it. Returns count <= 1.
        r.add("reuse_swap_page", models: "mm/swapfile.c reuse_swap_page(), v5.8") { m, a in
            let v = try m.values(a)
            guard let n = v.first.flatMap(m.page) else { return .unknown("reuse_swap_page") }
            m.interleaveForeignReference(n, before: "reuse_swap_page()")
            var p = m.state.pages[n]
            if p.flags.contains(.ksm) {
                m.emit(.check(name: "reuse_swap_page", page: n, result: 0))
                return .int(0)
            }
            let count = p.mapcount + p.swapcount
            if v.count > 1, case .pointer(let out) = v[1] { try m.store(out, .int(Int64(count))) }
            if count == 1, p.flags.contains(.swapCache), !p.flags.contains(.writeback) {
                p.flags.remove(.swapCache)
                p.flags.insert(.dirty)
                p.refcount -= 1
                m.state.pages[n] = p
            }
            let result: Int64 = count <= 1 ? 1 : 0
            m.emit(.check(name: "reuse_swap_page", page: n, result: result))
            return .int(result)
        }
        // mm/ksm.c reuse_ksm_page(), v5.8: only a KSM page not in the swap cache whose refcount can
        // be frozen at exactly 1 is taken over in place (page_ref_freeze, move anon rmap, index).
        r.add("reuse_ksm_page", models: "mm/ksm.c reuse_ksm_page(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("reuse_ksm_page") }
            m.interleaveForeignReference(n, before: "reuse_ksm_page()")
            let p = m.state.pages[n]
            let ok = p.flags.contains(.ksm) && !p.flags.contains(.swapCache) && p.refcount == 1
            m.emit(.ksmReuse(page: n, ok: ok))
            return .int(ok ? 1 : 0)
        }
        r.add(
            "page_move_anon_rmap",
            models: "mm/rmap.c page_move_anon_rmap(), v5.8: repoint page->mapping, no count change"
        ) { m, a in
            if let n = try m.pageArg(a) { m.emit(.pageAccess(page: n, op: "page_move_anon_rmap")) }
            return .int(0)
        }
        // mm/swapfile.c swap_free(), 2.6.11-v5.8: one swap reference fewer.
        r.add("swap_free", models: "mm/swapfile.c swap_free(), 2.6.11") { m, _ in
            if let n = m.state.pages.indices.first(where: { m.state.pages[$0].swapcount > 0 }) {
                m.state.pages[n].swapcount -= 1
            }
            return .int(0)
        }
        // mm/swapfile.c vm_swap_full(): a heuristic on swap use: either way.
        r.add("vm_swap_full", models: "include/linux/swap.h vm_swap_full(), 2.6.11", pure: true) { m, _ in
            .int(Int64(m.choose(2, "vm_swap_full() says swap is more than half full")))
        }
        // mm/swapfile.c swap_info_get()/swap_info_put(), 2.6.11: the swap device, with its lock
        // held; swap_map[offset] counts the swap cache's entry and each swap PTE.
        r.add("swap_info_get", models: "mm/swapfile.c swap_info_get(), 2.6.11 (takes swap_device_lock)") { m, _ in
            guard let n = m.state.pages.indices.first(where: { m.state.pages[$0].flags.contains(.swapCache) }) else {
                return .null
            }
            m.acquire("swap_info_lock", .spin)
            let count = Int64(1 + m.state.pages[n].swapcount)
            let map = m.allocate(.array([.int(count)]))
            return m.record(type: "swap_info_struct", ["swap_map": .pointer(Pointer(object: map, path: [.index(0)]))])
        }
        r.add("swap_info_put", models: "mm/swapfile.c swap_info_put(), 2.6.11 (drops swap_device_lock)") { m, _ in
            m.release("swap_info_lock", .spin)
            return .int(0)
        }
        // mm/swap_state.c lookup_swap_cache(), 2.6.11: the swap cache's page for the entry, with a
        // reference taken (find_get_page), or NULL.
        r.add("lookup_swap_cache", models: "mm/swap_state.c lookup_swap_cache(), 2.6.11 (takes a reference)") { m, a in
            _ = try m.values(a)
            guard let n = m.state.pages.indices.first(where: { m.state.pages[$0].flags.contains(.swapCache) }) else {
                return .null
            }
            if m.choose(2, "the swap cache no longer has the page (another CPU freed it)") == 1 { return .null }
            m.takeRefs(n, 1)
            return m.pagePointer(n)
        }
        // mm/swap_state.c read_swap_cache_async(), 2.6.11: reads the page in (may sleep, may fail:
        // NULL), returning it with a reference, in the swap cache.
        r.add("read_swap_cache_async", models: "mm/swap_state.c read_swap_cache_async(), 2.6.11 (may sleep, may fail)")
        { m, a in
            _ = try m.values(a)
            m.emit(.mightSleep(name: "read_swap_cache_async"))
            if m.choose(2, "reading the page from swap fails (no memory)") == 1 { return .null }
            let n = m.state.pages.count
            // The swap PTE being faulted holds the entry's one swap_map count.
            m.state.pages.append(PageState(id: n, refcount: 2, mapcount: 0, swapcount: 1, flags: [.swapCache]))
            m.state.ownRefs[n] = 1
            return m.pagePointer(n)
        }
        // mm/swapfile.c swap_duplicate(), 2.6.11: one more swap_map count for the entry (the swap
        // PTE about to be installed holds it).
        r.add("swap_duplicate", models: "mm/swapfile.c swap_duplicate(), 2.6.11") { m, a in
            _ = try m.values(a)
            guard let n = m.state.pages.indices.first(where: { m.state.pages[$0].flags.contains(.swapCache) }) else {
                return .unknown("swap_duplicate")
            }
            m.state.pages[n].swapcount += 1
            return .int(1)
        }
        r.add(
            "pte_to_swp_entry", models: "include/linux/swapops.h pte_to_swp_entry(): the scenario's one swap entry",
            pure: true
        ) { m, _ in
            m.record(type: "swp_entry_t", ["val": .int(1)])
        }
        for name in ["mark_page_accessed", "grab_swap_token", "activate_page", "swap_readpage"] {
            r.add(name, models: "\(name)(), 2.6.11: LRU/IO side work, no count or lock change") { m, a in
                _ = try m.values(a)
                return .int(0)
            }
        }
        r.add("swp_offset", models: "include/linux/swapops.h swp_offset(): the scenario's one entry", pure: true) {
            _, _ in .int(0)
        }
        // mm/swap_state.c __delete_from_swap_cache(), 2.6.11: out of the radix tree, PG_swapcache
        // cleared; no reference dropped (its callers put the cache's reference themselves).
        r.add(
            "__delete_from_swap_cache",
            models: "mm/swap_state.c __delete_from_swap_cache(), 2.6.11: no reference dropped here"
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("__delete_from_swap_cache") }
            m.state.pages[n].flags.remove(.swapCache)
            // The swap cache's reference is now the caller's to put.
            m.state.ownRefs[n, default: 0] += 1
            return .int(0)
        }
        // mm/swap_state.c delete_from_swap_cache(), 2.6.11: __delete_from_swap_cache() under the
        // tree lock, then swap_free() of the entry and page_cache_release() of the cache's reference.
        r.add("delete_from_swap_cache", models: "mm/swap_state.c delete_from_swap_cache(), 2.6.11") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("delete_from_swap_cache") }
            m.state.pages[n].flags.remove(.swapCache)
            if m.state.pages[n].swapcount > 0 { m.state.pages[n].swapcount -= 1 }
            m.state.pages[n].refcount -= 1
            return .int(0)
        }
    }
}
