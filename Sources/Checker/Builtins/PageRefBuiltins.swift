/// Page and folio reference counts and map counts.
enum PageRefBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        // include/linux/mm.h page_count(), v5.8: page_ref_count(compound_head(page)). A read
        // another CPU's GUP-fast may race with: one reference may appear right before it.
        r.add(["page_count", "folio_ref_count"], models: "include/linux/mm.h page_count(), v5.8", pure: true) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_count of a non-page") }
            m.interleaveForeignReference(n, before: "page_count()")
            let p = m.state.pages[n]
            let v = Int64(p.frozen ? 0 : p.refcount)
            m.emit(.check(name: "page_count", page: n, result: v))
            return .int(v)
        }
        // include/linux/mm.h page_mapcount(), v5.8: _mapcount + 1 (+ compound mapcount).
        r.add(
            ["page_mapcount", "folio_mapcount", "total_mapcount"], models: "include/linux/mm.h page_mapcount(), v5.8",
            pure: true
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_mapcount of a non-page") }
            m.interleaveForeignReference(n, before: "page_mapcount()")
            let v = Int64(m.state.pages[n].mapcount)
            m.emit(.check(name: "page_mapcount", page: n, result: v))
            return .int(v)
        }
        // include/linux/mm.h get_page()/folio_get(), v5.8: page_ref_inc of the head page.
        r.add(["get_page", "folio_get", "page_cache_get"], models: "include/linux/mm.h get_page(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("get_page") }
            m.takeRefs(n, 1)
            return .int(0)
        }
        // include/linux/mm.h put_page()/folio_put(), v5.8 (page_cache_release() in 3.x): drops a
        // reference; the last one frees the page.
        r.add(["put_page", "folio_put", "page_cache_release"], models: "include/linux/mm.h put_page(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("put_page") }
            m.emit(.pageAccess(page: n, op: "put_page"))
            m.dropRefs(n, 1)
            return .int(0)
        }
        // include/linux/page_ref.h folio_ref_add()/folio_ref_sub(), v6.7.
        r.add(["folio_ref_add", "page_ref_add"], models: "include/linux/page_ref.h folio_ref_add(), v6.7") { m, a in
            guard let n = try m.pageArg(a), let k = try m.eval(a[1]).intValue else { return .unknown("folio_ref_add") }
            m.takeRefs(n, Int(k))
            return .int(0)
        }
        r.add(["folio_ref_sub", "page_ref_sub"], models: "include/linux/page_ref.h folio_ref_sub(), v6.7") { m, a in
            guard let n = try m.pageArg(a), let k = try m.eval(a[1]).intValue else { return .unknown("folio_ref_sub") }
            m.dropRefs(n, Int(k))
            return .int(0)
        }
        // include/linux/page_ref.h page_ref_freeze(), v5.8: cmpxchg refcount from `count` to 0;
        // fails if anyone else holds a reference.
        r.add("page_ref_freeze", models: "include/linux/page_ref.h page_ref_freeze(), v5.8") { m, a in
            guard let n = try m.pageArg(a), let c = try m.eval(a[1]).intValue else {
                return .unknown("page_ref_freeze")
            }
            m.interleaveForeignReference(n, before: "page_ref_freeze()")
            guard m.state.pages[n].refcount == Int(c) else { return .int(0) }
            m.state.pages[n].frozen = true
            return .int(1)
        }
        r.add("page_ref_unfreeze", models: "include/linux/page_ref.h page_ref_unfreeze(), v5.8") { m, a in
            guard let n = try m.pageArg(a), let c = try m.eval(a[1]).intValue else {
                return .unknown("page_ref_unfreeze")
            }
            m.state.pages[n].frozen = false
            m.state.pages[n].refcount = Int(c)
            return .int(0)
        }
        // mm/rmap.c page_remove_rmap(), v5.8: one mapping fewer (the reference goes separately).
        r.add(["page_remove_rmap", "folio_remove_rmap_pte"], models: "mm/rmap.c page_remove_rmap(), v5.8") { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_remove_rmap") }
            m.emit(.pageAccess(page: n, op: "page_remove_rmap"))
            m.state.pages[n].mapcount -= 1
            // The reference that mapping stood for is now the path's to put.
            m.state.ownRefs[n, default: 0] += 1
            return .int(0)
        }
        // mm/rmap.c page_add_anon_rmap(), 2.6.11 and v5.8: one more mapping of an anon page
        // (first one: page->mapping set to the anon_vma); no refcount change, the caller's reference
        // now stands for the mapping. (2.6.11 also bumps mm->anon_rss; the model tracks mm->rss.)
        r.add(["page_add_anon_rmap", "do_page_add_anon_rmap"], models: "mm/rmap.c page_add_anon_rmap(), 2.6.11") {
            m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_add_anon_rmap") }
            m.emit(.pageAccess(page: n, op: "page_add_anon_rmap"))
            m.state.pages[n].mapcount += 1
            m.state.ownRefs[n, default: 0] -= 1
            m.state.pages[n].flags.insert(.anon)
            return .int(0)
        }
        // mm/rmap.c page_add_new_anon_rmap(), v5.8: a new anon page's first mapping (mapcount 1).
        r.add(
            ["page_add_new_anon_rmap", "folio_add_new_anon_rmap"], models: "mm/rmap.c page_add_new_anon_rmap(), v5.8"
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_add_new_anon_rmap") }
            m.state.pages[n].mapcount += m.state.pages[n].nrPages > 1 ? m.state.pages[n].nrPages : 1
            // The allocation's reference now belongs to the mapping.
            m.state.ownRefs[n, default: 0] -= 1
            m.state.pages[n].flags.insert(.anon)
            m.state.pages[n].flags.insert(.anonExclusive)
            return .int(0)
        }
        // mm/rmap.c page_add_file_rmap()/page_dup_file_rmap(), v5.8-v6.7: one more mapping of an
        // existing page (page_add_anon_rmap is the model above).
        r.add(
            ["page_add_file_rmap", "page_dup_file_rmap", "folio_dup_file_rmap_pte"],
            models: "mm/rmap.c page_add_file_rmap(), v5.8; page_dup_file_rmap(), v6.7"
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_add_rmap") }
            m.state.pages[n].mapcount += 1
            // One of the references the path took is handed on to the new mapping.
            m.state.ownRefs[n, default: 0] -= 1
            return .int(0)
        }
        // include/linux/rmap.h page_try_dup_anon_rmap(), v6.7: fork's duplicate of an anon
        // mapping; refused (-EBUSY) when the page is exclusive and may be pinned for DMA
        // (page_needs_cow_for_dma), so the child gets a copy; else one more mapping, and the page
        // is no longer exclusive.
        r.add(
            ["page_try_dup_anon_rmap", "folio_try_dup_anon_rmap_pte"],
            models: "include/linux/rmap.h page_try_dup_anon_rmap(), v6.7"
        ) { m, a in
            let v = try m.eval(a[0])
            guard let n = m.page(of: v) else { return .unknown("page_try_dup_anon_rmap") }
            let p = m.state.pages[n]
            let sub = m.subpage(of: v)
            let pinned = p.isLarge ? p.pinnedSubpages.contains(sub) : p.pins > 0
            let exclusive = p.isLarge ? p.exclusiveSubpages.contains(sub) : p.flags.contains(.anonExclusive)
            if exclusive && pinned { return .int(-16) }
            if p.isLarge {
                m.state.pages[n].exclusiveSubpages.remove(sub)
            } else {
                m.state.pages[n].flags.remove(.anonExclusive)
            }
            m.state.pages[n].mapcount += 1
            // One of the references the path took now stands for the new mapping.
            m.state.ownRefs[n, default: 0] -= 1
            return .int(0)
        }
        // include/linux/mm.h page_folio()/compound_head(): a folio is its head page here.
        r.add(
            ["page_folio", "compound_head", "folio_page"], models: "include/linux/page-flags.h page_folio(), v6.7",
            pure: true
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("page_folio") }
            return m.pagePointer(n)
        }
        r.add(
            ["folio_nr_pages", "compound_nr", "thp_nr_pages"], models: "include/linux/mm.h folio_nr_pages(), v6.7",
            pure: true
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("folio_nr_pages") }
            return .int(Int64(m.state.pages[n].nrPages))
        }
        r.add(
            ["folio_test_large", "PageCompound", "PageTransCompound"],
            models: "include/linux/page-flags.h folio_test_large(), v6.7", pure: true
        ) { m, a in
            guard let n = try m.pageArg(a) else { return .unknown("folio_test_large") }
            return .int(m.state.pages[n].isLarge ? 1 : 0)
        }
    }
}
