import CFrontEnd

/// Page table entries, the PTE lock and pte_offset_map().
enum PTEBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        func pte(_ m: Machine, _ a: [CExpr], _ k: Int = 0) throws -> PTEState? {
            guard k < a.count, case .pte(let p) = try m.eval(a[k]) else { return nil }
            return p
        }
        func transform(_ names: [String], _ models: String, _ f: @escaping (inout PTEState) -> Void) -> (
            inout BuiltinRegistry
        ) -> Void {
            { r in
                r.add(names, models: models, pure: true) { m, a in
                    guard var p = try pte(m, a) else { return .unknown(names[0]) }
                    f(&p)
                    return .pte(p)
                }
            }
        }
        // arch/x86/include/asm/pgtable.h pte_mk*/pte_clear_*/pte_wrprotect, v5.8-v6.7.
        transform(["pte_mkyoung", "pte_sw_mkyoung"], "pte_mkyoung(), v5.8") { $0.young = true }(&r)
        transform(["pte_mkold"], "pte_mkold(), v5.8") { $0.young = false }(&r)
        transform(["pte_mkdirty"], "pte_mkdirty(), v5.8") {
            $0.dirty = true
            $0.softDirty = true
        }(&r)
        transform(["pte_mkclean"], "pte_mkclean(), v5.8") { $0.dirty = false }(&r)
        transform(["pte_mkwrite", "pte_mkwrite_novma"], "pte_mkwrite(), v5.8") { $0.write = true }(&r)
        transform(["pte_wrprotect"], "pte_wrprotect(), v5.8") { $0.write = false }(&r)
        transform(["pte_clear_soft_dirty"], "pte_clear_soft_dirty(), v6.7") { $0.softDirty = false }(&r)
        transform(["pte_clear_uffd_wp"], "pte_clear_uffd_wp(), v6.7") { $0.uffdWP = false }(&r)
        transform(["pte_mkuffd_wp"], "pte_mkuffd_wp(), v6.7") { $0.uffdWP = true }(&r)
        transform(["pte_mkspecial"], "pte_mkspecial(), v5.8") { _ in }(&r)
        let reads: [([String], String, (PTEState) -> Int64)] = [
            (["pte_write"], "pte_write(), v5.8", { $0.write ? 1 : 0 }),
            (["pte_dirty"], "pte_dirty(), v5.8", { $0.dirty ? 1 : 0 }),
            (["pte_young"], "pte_young(), v5.8", { $0.young ? 1 : 0 }),
            (["pte_present"], "pte_present(), v5.8", { $0.present ? 1 : 0 }),
            (["pte_none"], "pte_none(), v5.8", { !$0.present && $0.page == nil && !$0.swap ? 1 : 0 }),
            (["pte_protnone"], "pte_protnone(), v6.7", { $0.protNone ? 1 : 0 }),
            (["pte_uffd_wp"], "pte_uffd_wp(), v6.7", { $0.uffdWP ? 1 : 0 }),
            (["pte_pfn"], "pte_pfn(), v5.8", { Int64($0.pfn) }),
        ]
        for (names, models, f) in reads {
            r.add(names, models: "arch/x86/include/asm/pgtable.h \(models)", pure: true) { m, a in
                guard let p = try pte(m, a) else { return .unknown(names[0]) }
                return .int(f(p))
            }
        }
        // include/linux/mm.h maybe_mkwrite(), v5.8: writable only if the vma is VM_WRITE.
        r.add("maybe_mkwrite", models: "include/linux/mm.h maybe_mkwrite(), v5.8", pure: true) { m, a in
            guard var p = try pte(m, a), a.count > 1 else { return .unknown("maybe_mkwrite") }
            let flags = try m.vmFlags(m.eval(a[1]))
            if let flags, flags & KernelConstants.table["VM_WRITE"]! != 0 { p.write = true }
            return .pte(p)
        }
        // include/linux/pgtable.h pte_same(): same entry (another CPU's change bumps generation).
        r.add("pte_same", models: "include/linux/pgtable.h pte_same(), v5.8", pure: true) { m, a in
            guard let x = try pte(m, a, 0), let y = try pte(m, a, 1) else { return .unknown("pte_same") }
            let same = x == y
            m.emit(.pteCompared(index: 0, same: same))
            return .int(same ? 1 : 0)
        }
        r.add(["ptep_get", "ptep_get_lockless"], models: "include/linux/pgtable.h ptep_get(), v6.5", pure: true) {
            m, a in
            let v = try m.load(m.eval(a[0]))
            m.emit(.pteRead)
            return v
        }
        // include/linux/mm.h pte_offset_map_lock(), v5.8: maps the table and takes the PTL. If the
        // path dropped the PTL before, another CPU may have changed the entry meanwhile.
        r.add(["pte_offset_map_lock", "pte_alloc_map_lock"], models: "include/linux/mm.h pte_offset_map_lock(), v5.8") {
            m, a in
            let v = try m.values(a)
            if m.pteMapCanFail, m.choose(2, "pte_offset_map_lock() returns NULL: the page table went away (v6.5+)") == 1
            {
                m.emit(.pteMap(nullReturned: true))
                return .null
            }
            m.state.pteMapDepth += 1
            m.emit(.pteMap(nullReturned: false))
            let (lock, table) = m.pageTable(of: v.first ?? .unknown("mm"))
            m.acquire(lock, .spin)
            if v.count > 3, case .pointer(let ptlp) = v[3] { try m.store(ptlp, m.lockPointer(lock)) }
            if lock == "ptl" { m.ptlRetaken() }
            return m.ptePointer(lock: lock, table: table, address: v.count > 2 ? v[2] : .unknown("address"))
        }
        // include/linux/pgtable.h pte_offset_map(), v6.5: may return NULL since Hugh Dickins's
        // series (the table may be freed under us); an RCU read-side section until pte_unmap().
        r.add(["pte_offset_map", "pte_offset_map_nolock"], models: "include/linux/pgtable.h pte_offset_map(), v6.5") {
            m, a in
            let v = try m.values(a)
            if m.pteMapCanFail, m.choose(2, "pte_offset_map() returns NULL: the page table went away (v6.5+)") == 1 {
                m.emit(.pteMap(nullReturned: true))
                return .null
            }
            m.state.pteMapDepth += 1
            m.emit(.pteMap(nullReturned: false))
            // pte_offset_map_nolock(mm, pmd, addr, &ptl), v6.5: the lock is returned, not taken.
            if v.count == 4 {
                let (lock, table) = m.pageTable(of: v[0])
                if case .pointer(let ptlp) = v[3] { try m.store(ptlp, m.lockPointer(lock)) }
                return m.ptePointer(lock: lock, table: table, address: v[2])
            }
            return m.ptePointer(address: v.count > 1 ? v[1] : .unknown("address"))
        }
        r.add("pte_unmap", models: "include/linux/pgtable.h pte_unmap(), v6.5") { m, _ in
            m.state.pteMapDepth -= 1
            m.emit(.pteUnmap)
            return .int(0)
        }
        r.add("pte_unmap_unlock", models: "include/linux/mm.h pte_unmap_unlock(), v5.8") { m, a in
            let v = try m.values(a)
            m.release(v.count > 1 ? (m.lockName(of: v[1]) ?? "ptl") : "ptl", .spin)
            m.state.pteMapDepth -= 1
            m.emit(.pteUnmap)
            return .int(0)
        }
        // mm/memory.c vm_normal_page(), v5.8: the struct page behind a present PTE (none for
        // special mappings, which the scenarios do not make).
        r.add("vm_normal_page", models: "mm/memory.c vm_normal_page(), v5.8", pure: true) { m, a in
            guard a.count > 2, let p = try pte(m, a, 2), p.present, let n = p.page else { return .null }
            return m.pagePointer(n, subpage: p.pfn - m.pfnBase(n))
        }
        // arch/x86/include/asm/pgtable.h mk_pte()/pfn_pte(): an entry mapping the page.
        r.add(["mk_pte"], models: "arch/x86/include/asm/pgtable.h mk_pte(), v5.8", pure: true) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("mk_pte") }
            let sub = m.subpage(of: try m.eval(a[0]))
            return .pte(PTEState(present: true, page: n, pfn: m.pfnBase(n) + sub))
        }
        // include/linux/pgtable.h ptep_set_access_flags(), v5.8: updates the entry in place (the
        // write fault's in-place reuse makes a read-only PTE writable for the same page).
        r.add("ptep_set_access_flags", models: "mm/pgtable-generic.c ptep_set_access_flags(), v5.8") { m, a in
            let v = try m.values(a)
            guard v.count > 3, case .pointer(let ptep) = v[2], case .pte(let entry) = v[3] else {
                return .unknown("ptep_set_access_flags")
            }
            let old = try m.load(.pointer(ptep))
            if case .pte(let o) = old, entry.write, !o.write, let n = entry.page, o.page == n {
                // GUP-fast may still take a reference after the last check (the R/O race).
                m.interleaveForeignReference(n, before: "the PTE is made writable")
                m.emit(.reuse(page: n))
            }
            try m.store(ptep, .pte(entry))
            return .int(old == .pte(entry) ? 0 : 1)
        }
        // set_pte_at()/set_pte()/set_pte_at_notify(): install an entry.
        r.add(["set_pte_at", "set_pte_at_notify"], models: "arch/x86/include/asm/pgtable.h set_pte_at(), v5.8") {
            m, a in
            let v = try m.values(a)
            guard v.count > 3, case .pointer(let ptep) = v[2], case .pte(let e) = v[3] else {
                return .unknown("set_pte_at")
            }
            try m.store(ptep, .pte(e))
            return .int(0)
        }
        r.add("set_pte", models: "arch/x86/include/asm/pgtable.h set_pte(), 2.6.11") { m, a in
            let v = try m.values(a)
            guard v.count > 1, case .pointer(let ptep) = v[0], case .pte(let e) = v[1] else {
                return .unknown("set_pte")
            }
            try m.store(ptep, .pte(e))
            return .int(0)
        }
        // include/linux/pgtable.h set_ptes(), v6.5: nr consecutive entries, pfn advancing.
        r.add("set_ptes", models: "include/linux/pgtable.h set_ptes(), v6.5") { m, a in
            let v = try m.values(a)
            guard v.count > 4, case .pointer(let ptep) = v[2], case .pte(var e) = v[3], let nr = v[4].intValue else {
                return .unknown("set_ptes")
            }
            m.emit(.batch(pfn: e.pfn, nr: Int(nr)))
            for i in 0..<Int(max(0, min(nr, 512))) {
                try m.store(ptep.offset(by: i), .pte(e))
                e.pfn += 1
            }
            return .int(0)
        }
        r.add(["ptep_set_wrprotect"], models: "arch/x86/include/asm/pgtable.h ptep_set_wrprotect(), v5.8") { m, a in
            let v = try m.values(a)
            guard v.count > 2, case .pointer(let ptep) = v[2], case .pte(var e) = try m.load(.pointer(ptep)) else {
                return .unknown("ptep_set_wrprotect")
            }
            e.write = false
            try m.store(ptep, .pte(e))
            return .int(0)
        }
        r.add(
            ["ptep_set_wrprotects", "wrprotect_ptes"],
            models: "include/linux/pgtable.h ptep_set_wrprotects() (the seed's v3 01/15)"
        ) { m, a in
            let v = try m.values(a)
            guard v.count > 3, case .pointer(let ptep) = v[2], let nr = v[3].intValue else {
                return .unknown("ptep_set_wrprotects")
            }
            for i in 0..<Int(max(0, min(nr, 512))) {
                if case .pte(var e) = try m.load(.pointer(ptep.offset(by: i))) {
                    e.write = false
                    try m.store(ptep.offset(by: i), .pte(e))
                }
            }
            return .int(0)
        }
        r.add(
            ["ptep_clear_flush", "ptep_clear_flush_notify", "ptep_get_and_clear"],
            models: "mm/pgtable-generic.c ptep_clear_flush(), v5.8"
        ) { m, a in
            let v = try m.values(a)
            guard
                let ptep = v.compactMap({
                    if case .pointer(let p) = $0, p.object.raw < m.heap.count, case .pteTable = m.heap[p.object.raw] {
                        return p
                    } else {
                        return nil
                    }
                }).first
            else {
                return .unknown("ptep_clear_flush")
            }
            let old = try m.load(.pointer(ptep))
            try m.store(ptep, .pte(.none))
            return old
        }
        for name in [
            "update_mmu_cache", "update_mmu_tlb", "flush_tlb_page", "flush_icache_page",
            "arch_enter_lazy_mmu_mode", "arch_leave_lazy_mmu_mode", "update_mmu_cache_range",
        ] {
            r.add(name, models: "\(name)(): cache and TLB maintenance, no mm state", pure: true) { _, _ in .int(0) }
        }
        r.add(["page_to_pfn", "folio_pfn"], models: "include/asm-generic/memory_model.h page_to_pfn()", pure: true) {
            m, a in
            let v = try m.eval(a[0])
            guard let n = m.page(of: v) else { return .unknown("page_to_pfn") }
            return .int(Int64(m.pfnBase(n) + m.subpage(of: v)))
        }
        r.add("folio_next", models: "include/linux/mm.h folio_next(), v6.7", pure: true) { m, a in
            let v = try m.eval(a[0])
            guard let n = m.page(of: v) else { return .unknown("folio_next") }
            return m.pagePointer(n, subpage: m.state.pages[n].nrPages)
        }
        r.add("pte_index", models: "include/linux/pgtable.h pte_index(): (addr >> PAGE_SHIFT) & 511", pure: true) {
            m, a in
            guard let addr = try m.eval(a[0]).intValue else { return .unknown("pte_index") }
            return .int((addr >> 12) & 511)
        }
        r.add(
            ["is_zero_pfn"], models: "include/linux/pgtable.h is_zero_pfn(): the scenarios map no zero page", pure: true
        ) { _, _ in .int(0) }
        r.add("userfaultfd_pte_wp", models: "include/linux/userfaultfd_k.h userfaultfd_pte_wp(), v5.8", pure: true) {
            m, a in
            guard let p = try pte(m, a, 1) else { return .int(0) }
            return .int(p.uffdWP ? 1 : 0)
        }
    }
}

extension Machine {
    /// `vma->vm_flags` of a vma pointer.
    func vmFlags(_ vma: Value) throws -> Int64? {
        guard case .pointer(let p) = vma else { return nil }
        return try load(.pointer(p.appending(.field("vm_flags")))).intValue
    }
}
