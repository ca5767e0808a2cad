/// The words the generator builds mm mail from: people, files, functions, prose and C fragments.
/// Real names from linux-mm, because reply attribution and trailers are matched on them; the rest
/// is shaped like mm code so the diff scanner and the quote splitter do realistic work on it.
enum KernelVocabulary {
    struct Person {
        var name: String
        var email: String
        /// How the person signs off (`-- ` signature or a plain closing), fixed per person.
        var signature: [String]
    }

    static let people: [Person] = [
        Person(name: "Andrew Morton", email: "akpm@linux-foundation.org", signature: []),
        Person(
            name: "David Hildenbrand", email: "david@redhat.com", signature: ["-- ", "Cheers,", "", "David / dhildenb"]),
        Person(name: "Matthew Wilcox", email: "willy@infradead.org", signature: []),
        Person(name: "Vlastimil Babka", email: "vbabka@suse.cz", signature: []),
        Person(name: "Michal Hocko", email: "mhocko@suse.com", signature: ["-- ", "Michal Hocko", "SUSE Labs"]),
        Person(name: "Hugh Dickins", email: "hughd@google.com", signature: ["Hugh"]),
        Person(name: "Johannes Weiner", email: "hannes@cmpxchg.org", signature: []),
        Person(
            name: "Kirill A. Shutemov", email: "kirill@shutemov.name",
            signature: ["-- ", " Kiryl Shutsemau / Kirill A. Shutemov"]),
        Person(name: "Mike Rapoport", email: "rppt@kernel.org", signature: ["-- ", "Sincerely yours,", "Mike."]),
        Person(name: "Peter Xu", email: "peterx@redhat.com", signature: ["-- ", "Peter Xu"]),
        Person(name: "Ryan Roberts", email: "ryan.roberts@arm.com", signature: ["Thanks,", "Ryan"]),
        Person(name: "Baolin Wang", email: "baolin.wang@linux.alibaba.com", signature: []),
        Person(name: "Barry Song", email: "21cnbao@gmail.com", signature: ["Thanks", "Barry"]),
        Person(name: "Suren Baghdasaryan", email: "surenb@google.com", signature: []),
        Person(name: "Liam R. Howlett", email: "Liam.Howlett@oracle.com", signature: ["Thanks,", "Liam"]),
        Person(name: "Yu Zhao", email: "yuzhao@google.com", signature: []),
        Person(name: "Zi Yan", email: "ziy@nvidia.com", signature: ["--", "Best Regards,", "Yan, Zi"]),
        Person(name: "Muchun Song", email: "muchun.song@linux.dev", signature: []),
        Person(name: "Miaohe Lin", email: "linmiaohe@huawei.com", signature: ["Thanks."]),
        Person(name: "Shakeel Butt", email: "shakeel.butt@linux.dev", signature: []),
        Person(name: "Roman Gushchin", email: "roman.gushchin@linux.dev", signature: []),
        Person(
            name: "Mel Gorman", email: "mgorman@techsingularity.net", signature: ["-- ", "Mel Gorman", "SUSE Labs"]),
        Person(
            name: "Jan Kara", email: "jack@suse.cz",
            signature: ["\t\t\t\t\t\t\t\tHonza", "-- ", "Jan Kara <jack@suse.com>", "SUSE Labs, CR"]),
        Person(name: "Christoph Hellwig", email: "hch@lst.de", signature: []),
        Person(name: "Jason Gunthorpe", email: "jgg@nvidia.com", signature: ["Jason"]),
        Person(name: "Alistair Popple", email: "apopple@nvidia.com", signature: []),
        Person(name: "Huang, Ying", email: "ying.huang@intel.com", signature: ["--", "Best Regards,", "Huang, Ying"]),
        Person(name: "SeongJae Park", email: "sj@kernel.org", signature: ["Thanks,", "SJ"]),
        Person(name: "Oscar Salvador", email: "osalvador@suse.de", signature: ["-- ", "Oscar Salvador", "SUSE Labs"]),
        Person(name: "Lorenzo Stoakes", email: "lorenzo.stoakes@oracle.com", signature: []),
        Person(name: "Jérôme Glisse", email: "jglisse@redhat.com", signature: ["Cheers,", "Jérôme"]),
        Person(name: "Michal Koutný", email: "mkoutny@suse.com", signature: []),
        Person(name: "Thomas Weißschuh", email: "linux@weissschuh.net", signature: []),
        Person(name: "Uladzislau Rezki", email: "urezki@gmail.com", signature: ["--", "Uladzislau Rezki"]),
        Person(name: "Kefeng Wang", email: "wangkefeng.wang@huawei.com", signature: []),
        Person(name: "Nhat Pham", email: "nphamcs@gmail.com", signature: []),
    ]

    static let files = [
        "mm/memory.c", "mm/huge_memory.c", "mm/rmap.c", "mm/swapfile.c", "mm/page_alloc.c", "mm/vmscan.c",
        "mm/mmap.c", "mm/gup.c", "mm/hugetlb.c", "mm/ksm.c", "mm/madvise.c", "mm/mprotect.c", "mm/mremap.c",
        "mm/filemap.c", "mm/shmem.c", "mm/compaction.c", "mm/migrate.c", "mm/memcontrol.c", "mm/internal.h",
        "include/linux/mm.h", "include/linux/mm_types.h", "include/linux/huge_mm.h", "include/linux/pgtable.h",
        "include/linux/swap.h", "include/linux/rmap.h", "arch/arm64/mm/contpte.c", "arch/x86/mm/fault.c",
    ]

    static let functions = [
        "do_wp_page", "wp_page_copy", "do_anonymous_page", "handle_pte_fault", "__handle_mm_fault",
        "copy_pte_range", "zap_pte_range", "folio_add_anon_rmap_ptes", "try_to_unmap_one", "shrink_folio_list",
        "get_page_from_freelist", "compact_zone", "isolate_migratepages_block", "migrate_pages_batch",
        "madvise_cold_or_pageout_pte_range", "change_pte_range", "move_page_tables", "follow_page_pte",
        "__get_user_pages", "hugetlb_fault", "ksm_do_scan", "filemap_map_pages", "shmem_get_folio_gfp",
        "mem_cgroup_charge", "do_swap_page", "vma_merge", "mmap_region", "unmap_region", "free_pages_prepare",
        "alloc_anon_folio", "wp_can_reuse_anon_folio", "folio_try_share_anon_rmap_pte", "__split_huge_pmd",
    ]

    static let types = [
        "struct vm_fault *vmf", "struct vm_area_struct *vma", "struct folio *folio", "struct page *page",
        "unsigned long addr", "pte_t *pte", "pmd_t *pmd", "struct mm_struct *mm", "int nr_pages",
        "struct zone *zone", "gfp_t gfp", "struct mmu_gather *tlb", "swp_entry_t entry",
    ]

    static let locals = [
        "folio", "page", "pte", "ptl", "addr", "nr", "ret", "vma", "mm", "entry", "orig_pte", "nr_pages",
        "zone", "order", "flags", "idx", "pfn", "start", "end", "count", "mapcount", "anon_vma",
    ]

    static let helpers = [
        "folio_test_anon", "folio_test_large", "folio_mapcount", "folio_ref_count", "pte_present",
        "pte_write", "pte_none", "folio_lock", "folio_unlock", "folio_put", "folio_get", "tlb_flush_pte_range",
        "set_pte_at", "ptep_get", "pte_offset_map_lock", "pte_unmap_unlock", "vm_normal_folio",
        "folio_nr_pages", "page_folio", "lru_add_drain", "cond_resched", "flush_tlb_page",
        "mmu_notifier_invalidate_range_start",
        "swap_free", "add_mm_counter", "folio_estimated_sharers", "pmd_trans_huge", "ptep_clear_flush",
    ]

    static let subsystems = [
        "mm", "mm/memory", "mm/rmap", "mm/swap", "mm/huge_memory", "mm/ksm", "mm/gup", "mm/mmap",
        "mm/page_alloc", "mm/vmscan", "mm/hugetlb", "mm/madvise", "mm/compaction", "mm/memcg", "arm64/mm",
    ]

    static let subjectVerbs = [
        "fix", "avoid", "batch", "simplify", "convert", "remove", "introduce", "rework", "drop", "use", "skip",
        "defer", "factor out", "teach", "make",
    ]

    static let subjectObjects = [
        "the mapcount check in do_wp_page()", "a race between fork and GUP", "PTE ranges during fork()",
        "redundant TLB flush on unmap", "folio_estimated_sharers()", "the page_table_lock in the fault path",
        "large folio reuse on write fault", "swap entry refcount leak", "zero-page handling for THP",
        "unnecessary lru_add_drain()", "hugetlb reservation accounting", "KSM merging of anonymous folios",
        "contpte batching when unmapping", "the PG_anon_exclusive flag", "vma merging after mprotect",
        "compaction abort checks", "memcg charge on migration", "mmap_lock contention in GUP",
    ]

    static let proseOpeners = [
        "Currently {fn}() takes {lock} even when the folio is not shared.",
        "When {cond}, {fn}() can end up operating on a stale PTE.",
        "The existing code in {fn}() calls {helper}() for every page of a large folio.",
        "Since commit 09854ba94c6a (\"mm: do_wp_page() simplification\"), {fn}() no longer checks {helper}().",
        "From the trace above it is clear that {fn}() races with the split.",
        "We have seen soft lockups in {fn}() on machines with a lot of memory.",
        "As pointed out by {person}, {helper}() is not safe to call without {lock} held.",
        "This was found by syzkaller, see the report linked below.",
    ]

    static let proseMiddles = [
        "Move the check under {lock} so that {cond} cannot change behind our back.",
        "Batch the operation over the whole folio, which reduces the number of atomic operations.",
        "There is no functional change for small folios.",
        "Instead, use {helper}() which already handles the large folio case.",
        "The performance improvement is around {n}% on a kernel compile benchmark.",
        "Note that {fn}() is only called with {lock} held, so this is safe.",
        "Without this patch the system may end up with {n} leaked pages per fork.",
        "Let's clean it up and make the code easier to follow.",
        "This matches what {fn}() already does for PMD-mapped THPs.",
    ]

    static let locks = ["the PTL", "mmap_lock", "the anon_vma lock", "the folio lock", "i_mmap_rwsem", "zone->lock"]

    static let conditions = [
        "the folio is mapped more than once", "the PTE was changed concurrently", "the VMA is VM_SHARED",
        "folio_ref_count() is elevated by GUP", "the swap cache holds a reference", "the PMD is not stable",
    ]

    static let reviewComments = [
        "Why do we need {lock} here? {fn}() already holds it.",
        "This looks wrong to me: if {cond}, we would leak the folio reference.",
        "Nit: s/{a}/{b}/",
        "Can't we simply use {helper}() here?",
        "I don't think this is safe against a concurrent {fn}().",
        "Makes sense.",
        "Please add a comment explaining why {cond} cannot happen here.",
        "This changes behaviour for hugetlb, is that intended?",
        "Good catch, will fix in the next version.",
        "I'd prefer to keep this in a separate patch, it is unrelated to the rest of the change.",
        "What about the case where {cond}? I think we then return VM_FAULT_OOM for no reason.",
        "Agreed, {helper}() is the better place for this.",
        "The WARN_ON_ONCE() is not needed, {fn}() already checks that.",
        "That's not what I meant. The problem is that {cond} between the two checks.",
        "OK, I see now. Thanks for the explanation.",
        "Looks like this should be folio_nr_pages() rather than HPAGE_PMD_NR.",
    ]

    static let trailerKeys = ["Reviewed-by", "Acked-by", "Tested-by", "Reviewed-by", "Reviewed-by"]
}
