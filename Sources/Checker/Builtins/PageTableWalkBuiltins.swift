import CFrontEnd

/// The page-table walk and the pfn <-> page helpers of the 2.6 era (four-level tables in 2.6.11),
/// and the rmap walk's view of where a vma maps a page.
enum PageTableWalkBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // include/asm-generic/pgtable-nopud.h, include/asm-i386/pgtable.h pgd_offset()/pud_offset()/
        // pmd_offset(), 2.6.11: the upper levels of the walk; the scenario's tables are all there.
        r.add(
            ["pgd_offset", "pud_offset", "pmd_offset"], models: "pgd_offset()/pud_offset()/pmd_offset(), 2.6.11",
            pure: true
        ) { m, a in
            _ = try m.values(a)
            return m.record(type: "pmd", [:])
        }
        r.add(
            ["pgd_present", "pud_present", "pmd_present"], models: "pgd_present()/pmd_present(), 2.6.11: present",
            pure: true
        ) { _, _ in .int(1) }
        // include/asm-i386/page.h pfn_valid(pfn), 2.6.11: pfn < max_mapnr; the scenario's pages
        // are the memory there is.
        r.add("pfn_valid", models: "include/asm-i386/page.h pfn_valid(), 2.6.11", pure: true) { m, a in
            guard let pfn = try m.eval(a[0]).intValue else { return .unknown("pfn_valid") }
            return .int(m.pageIndex(ofPFN: Int(pfn)) != nil ? 1 : 0)
        }
        // include/asm-generic/memory_model.h pfn_to_page() (mem_map + pfn in 2.6.11).
        r.add("pfn_to_page", models: "include/asm-i386/page.h pfn_to_page(), 2.6.11", pure: true) { m, a in
            guard let pfn = try m.eval(a[0]).intValue, let n = m.pageIndex(ofPFN: Int(pfn)) else {
                return .unknown("pfn_to_page")
            }
            return m.pagePointer(n, subpage: Int(pfn) - m.pfnBase(n))
        }
        // include/asm-i386/pgtable.h ZERO_PAGE(vaddr), 2.6.11: virt_to_page(empty_zero_page), the
        // one shared zero page, which no scenario maps: a pointer equal to no scenario page.
        r.add("ZERO_PAGE", models: "include/asm-i386/pgtable.h ZERO_PAGE(), 2.6.11", pure: true) { m, _ in
            .pointer(Pointer(object: m.zeroPageObject))
        }
        // mm/rmap.c vma_address(), 2.6.11: where the vma maps the page (from page->index); the
        // scenarios' page sits at the vma's first PTE.
        r.add("vma_address", models: "mm/rmap.c vma_address(), 2.6.11", pure: true) { m, a in
            _ = try m.values(a)
            return .int(m.scenarioBaseAddress)
        }
        // include/asm-generic/pgtable.h ptep_clear_flush_young(), 2.6.11: test and clear the
        // young bit (flushing the TLB entry if it was set); returns whether it was set.
        r.add("ptep_clear_flush_young", models: "include/asm-generic/pgtable.h ptep_clear_flush_young(), 2.6.11") {
            m, a in
            let v = try m.values(a)
            guard v.count > 2, case .pointer(let ptep) = v[2], case .pte(var e) = try m.load(.pointer(ptep)) else {
                return .unknown("ptep_clear_flush_young")
            }
            let young = e.young
            e.young = false
            try m.store(ptep, .pte(e))
            return .int(young ? 1 : 0)
        }
        // include/asm-generic/pgtable.h ptep_establish(), 2.6.11: set_pte() plus a TLB flush.
        r.add("ptep_establish", models: "include/asm-generic/pgtable.h ptep_establish(), 2.6.11") { m, a in
            let v = try m.values(a)
            guard v.count > 3, case .pointer(let ptep) = v[2], case .pte(let e) = v[3] else {
                return .unknown("ptep_establish")
            }
            try m.store(ptep, .pte(e))
            return .int(0)
        }
        // mm/memory.c break_cow(), 2.6.11: maybe_mkwrite(pte_mkdirty(mk_pte(new_page))) installed
        // with ptep_establish() over the old entry (page_table_lock held).
        r.add("break_cow", models: "mm/memory.c break_cow(), 2.6.11") { m, a in
            let v = try m.values(a)
            guard v.count > 3, let n = m.page(of: v[1]), case .pointer(let ptep) = v[3] else {
                return .unknown("break_cow")
            }
            var e = PTEState(present: true, dirty: true, page: n, pfn: m.pfnBase(n) + m.subpage(of: v[1]))
            if let flags = try m.vmFlags(v[0]), flags & KernelConstants.table["VM_WRITE"]! != 0 { e.write = true }
            try m.store(ptep, .pte(e))
            return .int(0)
        }
        // include/linux/swapops.h swp_entry_to_pte(), 2.6.11: the swap PTE for the entry.
        r.add("swp_entry_to_pte", models: "include/linux/swapops.h swp_entry_to_pte(), 2.6.11", pure: true) {
            m, a in
            _ = try m.values(a)
            return .pte(.swapEntry)
        }
        // include/linux/list.h list_empty()/list_add() on mm->mmlist (swapoff's list of mms with
        // swap entries), 2.6.11: either answer; nothing of the mm state modelled here.
        r.add("list_empty", models: "include/linux/list.h list_empty(), 2.6.11 (mm->mmlist)") { m, a in
            _ = try m.values(a)
            return .int(Int64(m.choose(2, "the mm is not on the swap mmlist yet")))
        }
        r.add(["list_add", "printk"], models: "include/linux/list.h list_add(); printk(): no mm state", pure: true) {
            _, _ in .int(0)
        }
    }
}

extension Machine {
    /// The scenario page whose pfn range holds `pfn`.
    func pageIndex(ofPFN pfn: Int) -> Int? { state.pageIndex(ofPFN: pfn) }
}
