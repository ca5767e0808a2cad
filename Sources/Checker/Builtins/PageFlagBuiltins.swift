/// Page flags: reads and the few writes the modelled paths make.
enum PageFlagBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        let reads: [(names: [String], flag: PageFlag, models: String)] = [
            (
                ["PageAnon", "folio_test_anon"], .anon,
                "include/linux/page-flags.h PageAnon(), v5.8: page->mapping & PAGE_MAPPING_ANON"
            ),
            (
                ["PageKsm", "folio_test_ksm"], .ksm,
                "include/linux/page-flags.h PageKsm(), v5.8: mapping flags == PAGE_MAPPING_KSM"
            ),
            (
                ["PageSwapCache", "folio_test_swapcache"], .swapCache,
                "include/linux/page-flags.h PageSwapCache(), v5.8"
            ),
            (["PageLocked", "folio_test_locked"], .locked, "include/linux/page-flags.h PageLocked(), v5.8"),
            (["PageReserved"], .reserved, "include/linux/page-flags.h PageReserved(), 2.6.11"),
            (
                ["PageWriteback", "folio_test_writeback"], .writeback,
                "include/linux/page-flags.h PageWriteback(), v5.8"
            ),
            (["PageAnonExclusive"], .anonExclusive, "include/linux/page-flags.h PageAnonExclusive(), v5.19+"),
            (["PageDirty", "folio_test_dirty"], .dirty, "include/linux/page-flags.h PageDirty(), v5.8"),
            (["PagePrivate"], .private, "include/linux/page-flags.h PagePrivate(), 2.6.11"),
            (["PageHWPoison"], .hwpoison, "include/linux/page-flags.h PageHWPoison(), v3.14"),
            (["PageMlocked", "folio_test_mlocked"], .mlocked, "include/linux/page-flags.h PageMlocked(), v5.8"),
        ]
        for (names, flag, models) in reads {
            r.add(names, models: models, pure: true) { m, a in
                let arg = try m.eval(a[0])
                guard let n = m.page(of: arg) else { return .unknown(names[0]) }
                var v: Int64 = m.state.pages[n].flags.contains(flag) ? 1 : 0
                if flag == .anonExclusive, m.state.pages[n].isLarge {
                    v = m.state.pages[n].exclusiveSubpages.contains(m.subpage(of: arg)) ? 1 : 0
                }
                m.emit(.check(name: names[0], page: n, result: v))
                return .int(v)
            }
        }
        let writes: [(names: [String], flag: PageFlag, set: Bool, models: String)] = [
            (
                ["__SetPageUptodate", "SetPageUptodate", "__folio_mark_uptodate"], .uptodate, true,
                "include/linux/page-flags.h __SetPageUptodate(), v5.8"
            ),
            (
                ["SetPageDirty", "set_page_dirty", "folio_mark_dirty"], .dirty, true,
                "mm/page-writeback.c set_page_dirty(), v5.8"
            ),
            (
                ["ClearPageAnonExclusive"], .anonExclusive, false,
                "include/linux/page-flags.h ClearPageAnonExclusive(), v5.19+"
            ),
            (
                ["SetPageAnonExclusive"], .anonExclusive, true,
                "include/linux/page-flags.h SetPageAnonExclusive(), v5.19+"
            ),
            (
                ["munlock_vma_page", "mlock_vma_page_drop"], .mlocked, false,
                "mm/mlock.c munlock_vma_page(), v5.8: clears PG_mlocked (page locked)"
            ),
        ]
        for (names, flag, set, models) in writes {
            r.add(names, models: models) { m, a in
                guard let n = try m.pageArg(a) else { return .unknown(names[0]) }
                m.emit(.pageAccess(page: n, op: names[0]))
                if set { m.state.pages[n].flags.insert(flag) } else { m.state.pages[n].flags.remove(flag) }
                return .int(0)
            }
        }
    }
}
