/// Allocation, accounting and the other fault-path helpers the model functions call.
enum FaultBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // mm/mempolicy.c alloc_page_vma()/vma_alloc_folio(), v5.8-v6.5: may fail; may sleep with
        // GFP_KERNEL/GFP_HIGHUSER; a new page has refcount 1 and no mapping.
        r.add(
            [
                "alloc_page_vma", "alloc_zeroed_user_highpage_movable", "alloc_zeroed_user_highpage", "vma_alloc_folio",
                "vma_alloc_zeroed_movable_folio", "page_copy_prealloc", "folio_prealloc",
            ],
            models: "mm/mempolicy.c alloc_page_vma(), v5.8; vma_alloc_folio(), v6.5 (may fail, may sleep)"
        ) { m, a in
            _ = try m.values(a)
            m.emit(.mightSleep(name: "page allocation"))
            if m.choose(2, "the page allocation fails") == 1 {
                m.emit(.mayAllocate(name: "page", failed: true))
                return .null
            }
            var order = 0
            if a.count > 1, case .call = a[0].kind {
            } else if a.count > 1, let o = try? m.eval(a[1]).intValue, o > 0, o < 10 {
                order = Int(o)
            }
            let n = m.state.pages.count
            m.state.pages.append(PageState(id: n, refcount: 1, mapcount: 0, order: order, flags: []))
            m.state.ownRefs[n] = 1
            m.emit(.mayAllocate(name: "page\(n)", failed: false))
            return m.pagePointer(n)
        }
        r.add(
            ["anon_vma_prepare", "mem_cgroup_charge", "mem_cgroup_newpage_charge", "mem_cgroup_charge_anon"],
            models: "mm/rmap.c anon_vma_prepare(); mm/memcontrol.c mem_cgroup_charge(), v5.8 (may fail: -ENOMEM)"
        ) { m, a in
            _ = try m.values(a)
            return .int(
                m.choose(2, "\(a.isEmpty ? "the charge" : "anon_vma_prepare/mem_cgroup_charge") fails with -ENOMEM")
                    == 1 ? -12 : 0)
        }
        for name in [
            "cow_user_page", "copy_user_highpage", "clear_huge_page", "copy_user_huge_page",
            "lru_cache_add_active_or_unevictable",
            "lru_cache_add_active", "folio_add_lru_vma", "lru_cache_add", "mem_cgroup_uncharge_page",
            "flush_cache_page",
            "acct_update_integrals", "file_update_time", "cond_resched", "folio_throttle_swaprate", "page_mkwrite",
        ] {
            r.add(name, models: "\(name)(): contents, LRU and accounting side work; no page count or lock change here")
            { m, a in
                _ = try m.values(a)
                return .int(name == "cow_user_page" ? 1 : 0)
            }
        }
        // include/linux/mm.h inc_mm_counter_fast()/dec_mm_counter_fast()/add_mm_counter(), v5.8.
        r.add(["inc_mm_counter_fast", "inc_mm_counter"], models: "include/linux/mm.h inc_mm_counter(), v5.8") { m, a in
            let v = try m.values(a)
            guard v.count > 1, let c = v[1].intValue else { return .unknown("inc_mm_counter") }
            let name = Self.counterName(c)
            m.countRSS(name, 1)
            return .int(0)
        }
        r.add(["dec_mm_counter_fast", "dec_mm_counter"], models: "include/linux/mm.h dec_mm_counter(), v5.8") { m, a in
            let v = try m.values(a)
            guard v.count > 1, let c = v[1].intValue else { return .unknown("dec_mm_counter") }
            let name = Self.counterName(c)
            m.countRSS(name, -1)
            return .int(0)
        }
        r.add("add_mm_counter", models: "include/linux/mm.h add_mm_counter(), v5.8") { m, a in
            let v = try m.values(a)
            guard v.count > 2, let c = v[1].intValue, let d = v[2].intValue else { return .unknown("add_mm_counter") }
            let name = Self.counterName(c)
            m.countRSS(name, Int(d))
            return .int(0)
        }
        // mm/page-writeback.c balance_dirty_pages_ratelimited(), 3.15: throttles a task that
        // dirties pages (may sleep in balance_dirty_pages()); no page, count or lock change.
        r.add("balance_dirty_pages_ratelimited", models: "mm/page-writeback.c balance_dirty_pages_ratelimited(), 3.15")
        {
            m, a in
            _ = try m.values(a)
            m.emit(.mightSleep(name: "balance_dirty_pages_ratelimited"))
            return .int(0)
        }
        // mm/memory.c init_rss_vec()/add_mm_rss_vec(), v6.7: fork counts into a local
        // rss[NR_MM_COUNTERS] and adds each non-zero entry to the child's mm with add_mm_counter().
        r.add("init_rss_vec", models: "mm/memory.c init_rss_vec(), v6.7") { m, a in
            guard case .pointer(let p) = try m.eval(a[0]) else { return .unknown("init_rss_vec") }
            for i in 0..<4 { try m.store(p.offset(by: i), .int(0)) }
            return .int(0)
        }
        r.add("add_mm_rss_vec", models: "mm/memory.c add_mm_rss_vec(), v6.7") { m, a in
            let v = try m.values(a)
            guard v.count > 1, case .pointer(let p) = v[1] else { return .unknown("add_mm_rss_vec") }
            for i in 0..<4 {
                guard let d = try m.load(.pointer(p.offset(by: i))).intValue else {
                    return .unknown("add_mm_rss_vec")
                }
                if d == 0 { continue }
                let name = Self.counterName(Int64(i))
                m.countRSS(name, Int(d))
            }
            return .int(0)
        }
        r.add(
            "mm_counter_file",
            models: "include/linux/mm.h mm_counter_file(), v5.8: MM_FILEPAGES (no shmem in the scenarios)", pure: true
        ) { _, _ in
            .int(0)
        }
        r.add(["handle_userfault"], models: "fs/userfaultfd.c handle_userfault(), v5.8: hands the fault to userspace") {
            m, a in
            _ = try m.values(a)
            return .int(KernelConstants.table["VM_FAULT_RETRY"]!)
        }
    }

    /// include/linux/mm_types_task.h: the rss counters in index order (KernelConstants has the
    /// same numbers as C constants).
    private static let counterNames = ["MM_FILEPAGES", "MM_ANONPAGES", "MM_SWAPENTS", "MM_SHMEMPAGES"]

    static func counterName(_ c: Int64) -> String {
        counterNames.indices.contains(Int(c)) ? counterNames[Int(c)] : "counter\(c)"
    }
}
