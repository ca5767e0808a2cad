/// One struct page (or folio head) in the abstract mm state.
///
/// Counts follow the kernel's meaning (not its encoding): `refcount` is page_count() — every
/// reference, including the one each mapping holds and GUP pins; `mapcount` is page_mapcount().
/// Since v5.x a KSM page's stable tree holds no reference of its own (mm/ksm.c, 5.8: the stable
/// node points to the page without get_page), so a KSM page mapped once can have refcount 1.
public struct PageState: Sendable, Hashable, Codable {
    public var id: Int
    public var refcount: Int
    public var mapcount: Int
    /// GUP pins (FOLL_PIN / long-term get_user_pages): each is also counted in `refcount`.
    public var pins: Int
    /// Swap entries pointing at the page beyond the mappings (swap count, page_swapcount()).
    public var swapcount: Int
    public var order: Int
    public var flags: Set<PageFlag>
    /// page_ref_freeze(): the count is 0 while the page is still mapped (migration, THP split).
    public var frozen: Bool
    /// References other CPUs took during the run (GUP-fast, speculative lookups).
    public var foreignRefs: Int
    /// Subpages of a large folio that may be pinned for DMA (page_maybe_dma_pinned()).
    public var pinnedSubpages: Set<Int> = []
    /// PageAnonExclusive is per subpage (include/linux/page-flags.h, v6.7): for a large folio,
    /// which subpages still have it (the `.anonExclusive` flag stands for order 0).
    public var exclusiveSubpages: Set<Int> = []

    public init(
        id: Int, refcount: Int = 1, mapcount: Int = 1, pins: Int = 0, swapcount: Int = 0, order: Int = 0,
        flags: Set<PageFlag> = [.anon], frozen: Bool = false
    ) {
        self.id = id
        self.refcount = refcount
        self.mapcount = mapcount
        self.pins = pins
        self.swapcount = swapcount
        self.order = order
        self.flags = flags
        self.frozen = frozen
        self.foreignRefs = 0
    }

    public var nrPages: Int { 1 << order }
    public var isLarge: Bool { order > 0 }

    /// The references the swap cache holds (one per subpage while PG_swapcache is set).
    public var swapCacheRefs: Int { flags.contains(.swapCache) ? nrPages : 0 }
    /// The page cache's own reference on a file page.
    public var pageCacheRefs: Int { flags.contains(.pageCache) ? 1 : 0 }

    public var summary: String {
        var parts = ["ref=\(frozen ? "0(frozen)" : String(refcount))", "map=\(mapcount)"]
        if pins > 0 { parts.append("pins=\(pins)") }
        if swapcount > 0 { parts.append("swap=\(swapcount)") }
        if order > 0 { parts.append("order=\(order)") }
        let f = flags.map(\.rawValue).sorted()
        if !f.isEmpty { parts.append(f.joined(separator: "|")) }
        return "page\(id){\(parts.joined(separator: " "))}"
    }
}

public enum PageFlag: String, Sendable, Hashable, Codable, CaseIterable {
    case anon, ksm
    case swapCache = "swapcache"
    case locked
    case anonExclusive = "anon-exclusive"
    case dirty
    case writeback, uptodate, reserved, lru, hwpoison, `private`, mlocked
    /// In a file's page cache, which holds one reference (add_to_page_cache_lru()).
    case pageCache = "pagecache"
}
