/*
 * mmreview model of include/linux/rmap.h, the v6.7-rc era mm-unstable
 * (December 2023) that seed 002 was posted against. Not kernel source: small
 * models, in our words, of the two fork-time rmap helpers copy_present_pte()
 * calls, read in v6.5 (sndrzt/linux-6.5); v6.8 (vivo50kff/linux-6.8)
 * replaced them with folio_try_dup_anon_rmap_pte()/folio_dup_file_rmap_pte(),
 * so the v6.7-rc names are the v6.5 ones, as the seed's removed lines show.
 */

/* model: include/linux/rmap.h __page_dup_rmap(), v6.5; simplified: nothing dropped */
static inline void __page_dup_rmap(struct page *page, bool compound)
{
	/* One more mapping: of the whole folio (PMD) or of this page. */
	if (compound) {
		struct folio *folio = (struct folio *)page;

		atomic_inc(&folio->_entire_mapcount);
	} else {
		atomic_inc(&page->_mapcount);
	}
}

/* model: include/linux/rmap.h page_dup_file_rmap(), v6.5; simplified: nothing dropped */
static inline void page_dup_file_rmap(struct page *page, bool compound)
{
	__page_dup_rmap(page, compound);
}

/* model: include/linux/rmap.h page_try_dup_anon_rmap(), v6.5; simplified: the VM_BUG_ON dropped */
static inline int page_try_dup_anon_rmap(struct page *page, bool compound,
					 struct vm_area_struct *vma)
{
	/*
	 * PT lock and the mm's write_protect_seq held (fork). A page that is
	 * already shared (not AnonExclusive, KSM included) just gains a
	 * mapping. An exclusive page that may be pinned for DMA
	 * (page_needs_cow_for_dma: COW vma, MMF_HAS_PINNED set and
	 * page_maybe_dma_pinned) must not be shared: -EBUSY, nothing changed,
	 * and the caller copies it for the child. Otherwise it stops being
	 * exclusive and gains a mapping; it must then stay read-only in both
	 * parent and child. Device-private pages cannot be pinned.
	 */
	if (!PageAnonExclusive(page))
		goto dup;

	if (likely(!is_device_private_page(page) &&
	    unlikely(page_needs_cow_for_dma(vma, page))))
		return -EBUSY;

	ClearPageAnonExclusive(page);
dup:
	__page_dup_rmap(page, compound);
	return 0;
}
