/*
 * mmreview model of mm/memory.c, Linux 2.6.11-rc1-mm1 (January 2005): the
 * tree IWAMOTO Toshihiro's "Changing COW detection to be memory hotplug
 * friendly" RFC was written against (seed 003).
 *
 * Not kernel source: a small simplification written for the checker, read
 * against 2.6.11 final (Antonio-Zhou/Linux-2.6.11). No -mm1 tree was
 * available; the lines of do_swap_page() that the seed's hunks match are the
 * hunks' own context and removed lines, re-indented with tabs, and they agree
 * with 2.6.11 final (the hunks sit 45 lines later in -mm1). Only the swap-in
 * fault and the write-protect fault that it hands over to are here.
 *
 * Counters in this era (include/linux/mm.h): page_count() is _count + 1 and
 * page_mapcount() is _mapcount + 1, both per page. The page table lock is
 * mm->page_table_lock, a spinlock; lock_page() sleeps and must not be taken
 * under it, TestSetPageLocked() (a trylock) may.
 */

/* model: decl of mm/swap_state.c lookup_swap_cache(), 2.6.11; returns the
 * swap-cache page for the entry with a reference taken (page_count + 1), or
 * NULL. */
struct page *lookup_swap_cache(swp_entry_t entry);

/* model: decl of mm/swap_state.c read_swap_cache_async(), 2.6.11; finds or
 * allocates the page, adds it to the swap cache (the cache holds one
 * reference, and one swap_map count) and starts the read; returns it with an
 * extra reference for the caller, or NULL on OOM. May sleep. */
struct page *read_swap_cache_async(swp_entry_t entry,
			struct vm_area_struct *vma, unsigned long addr);

/* model: decl of mm/swapfile.c swap_free(), 2.6.11; drops one swap_map count
 * of the entry (the one the swap PTE held). */
void swap_free(swp_entry_t entry);

/* model: decl of include/linux/swap.h vm_swap_full(), 2.6.11; true when more
 * than half of swap is in use. */
int vm_swap_full(void);

/* model: decl of mm/swapfile.c can_share_swap_page() and
 * remove_exclusive_swap_page(), 2.6.11-rc1-mm1; modelled in mm/swapfile.c. */
int can_share_swap_page(struct page *page);
int remove_exclusive_swap_page(struct page *page);

/* model: decl of mm/rmap.c page_add_anon_rmap(), 2.6.11; page_table_lock
 * held. Raises page_mapcount by one (first mapping: sets page->mapping to the
 * vma's anon_vma and page->index) and mm->anon_rss by one. No page_count
 * change: the caller hands over its reference to the PTE. */
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
			unsigned long address);

/* model: decl of mm/rmap.c page_remove_rmap(), 2.6.11; page_table_lock held.
 * Lowers page_mapcount by one; no page_count change. */
void page_remove_rmap(struct page *page);

/* model: decl of mm/memory.c break_cow(), 2.6.11; page_table_lock held.
 * Installs a young, dirty, writable (maybe_mkwrite) PTE for new_page in place
 * of the old one and flushes the TLB entry. */
static inline void break_cow(struct vm_area_struct *vma, struct page *new_page,
			     unsigned long address, pte_t *page_table);

/* model: mm/memory.c do_wp_page(), Linux 2.6.11 (Antonio-Zhou/Linux-2.6.11; the -mm1 text is not quoted in the thread); simplified: the bogus-pfn printk, cache flushes and hiwater accounting dropped */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct * vma,
	unsigned long address, pte_t *page_table, pmd_t *pmd, pte_t pte)
{
	struct page *old_page, *new_page;
	unsigned long pfn = pte_pfn(pte);
	pte_t entry;

	/* Entered with page_table_lock held and the PTE mapped; leaves with
	 * both released. */
	if (unlikely(!pfn_valid(pfn))) {
		/* No struct page behind the PTE: treated as OOM. */
		pte_unmap(page_table);
		spin_unlock(&mm->page_table_lock);
		return VM_FAULT_OOM;
	}
	old_page = pfn_to_page(pfn);

	/* Reuse in place only if the page lock can be had without sleeping
	 * and can_share_swap_page() says nobody else uses the page. */
	if (!TestSetPageLocked(old_page)) {
		int reuse = can_share_swap_page(old_page);
		unlock_page(old_page);
		if (reuse) {
			entry = maybe_mkwrite(pte_mkyoung(pte_mkdirty(pte)),
					      vma);
			ptep_set_access_flags(vma, address, page_table, entry, 1);
			update_mmu_cache(vma, address, entry);
			pte_unmap(page_table);
			spin_unlock(&mm->page_table_lock);
			return VM_FAULT_MINOR;
		}
	}
	pte_unmap(page_table);

	/* Copy: hold the old page while the lock is dropped. */
	if (!PageReserved(old_page))
		page_cache_get(old_page);
	spin_unlock(&mm->page_table_lock);

	if (unlikely(anon_vma_prepare(vma)))
		goto no_new_page;
	if (old_page == ZERO_PAGE(address)) {
		new_page = alloc_zeroed_user_highpage(vma, address);
		if (!new_page)
			goto no_new_page;
	} else {
		new_page = alloc_page_vma(GFP_HIGHUSER, vma, address);
		if (!new_page)
			goto no_new_page;
		copy_user_highpage(new_page, old_page, address);
	}

	/* Retake the lock; go on only if the PTE did not change meanwhile. */
	spin_lock(&mm->page_table_lock);
	page_table = pte_offset_map(pmd, address);
	if (likely(pte_same(*page_table, pte))) {
		if (PageAnon(old_page))
			mm->anon_rss--;
		if (PageReserved(old_page)) {
			++mm->rss;
			acct_update_integrals();
		} else
			page_remove_rmap(old_page);
		break_cow(vma, new_page, address, page_table);
		lru_cache_add_active(new_page);
		page_add_anon_rmap(new_page, vma, address);

		/* The new page's reference now belongs to the PTE; the put
		 * below drops the old PTE's reference on the old page. */
		new_page = old_page;
	}
	pte_unmap(page_table);
	page_cache_release(new_page);
	page_cache_release(old_page);
	spin_unlock(&mm->page_table_lock);
	return VM_FAULT_MINOR;

no_new_page:
	page_cache_release(old_page);
	return VM_FAULT_OOM;
}

/* model: mm/memory.c do_swap_page(), Linux 2.6.11-rc1-mm1 (read in 2.6.11 final, Antonio-Zhou/Linux-2.6.11); simplified: swapin_readahead, the pgmajfault count, grab_swap_token, mark_page_accessed and update_mem_hiwater dropped (flush_icache_page kept: it is a context line of the hunk) */
static int do_swap_page(struct mm_struct * mm,
	struct vm_area_struct * vma, unsigned long address,
	pte_t *page_table, pmd_t *pmd, pte_t orig_pte, int write_access)
{
	struct page *page;
	swp_entry_t entry = pte_to_swp_entry(orig_pte);
	pte_t pte;
	int ret = VM_FAULT_MINOR;

	/* Entered with page_table_lock held; it is dropped for the lookup,
	 * which may sleep on I/O. */
	pte_unmap(page_table);
	spin_unlock(&mm->page_table_lock);
	page = lookup_swap_cache(entry);
	if (!page) {
		page = read_swap_cache_async(entry, vma, address);
		if (!page) {
			/* OOM only if the PTE is still the swap entry;
			 * otherwise another fault already mapped it. */
			spin_lock(&mm->page_table_lock);
			page_table = pte_offset_map(pmd, address);
			if (likely(pte_same(*page_table, orig_pte)))
				ret = VM_FAULT_OOM;
			else
				ret = VM_FAULT_MINOR;
			pte_unmap(page_table);
			spin_unlock(&mm->page_table_lock);
			goto out;
		}

		/* The page had to be read from swap. */
		ret = VM_FAULT_MAJOR;
	}

	/* Sleeping lock first, then the spinlock. */
	lock_page(page);

	/* Another fault may have mapped the page while the lock was dropped. */
	spin_lock(&mm->page_table_lock);
	page_table = pte_offset_map(pmd, address);
	if (unlikely(!pte_same(*page_table, orig_pte))) {
		pte_unmap(page_table);
		spin_unlock(&mm->page_table_lock);
		unlock_page(page);
		page_cache_release(page);
		ret = VM_FAULT_MINOR;
		goto out;
	}

	/* The page isn't present yet, go ahead with the fault. */

	swap_free(entry);
	if (vm_swap_full())
		remove_exclusive_swap_page(page);

	mm->rss++;
	acct_update_integrals();

	pte = mk_pte(page, vma->vm_page_prot);
	if (write_access && can_share_swap_page(page)) {
		pte = maybe_mkwrite(pte_mkdirty(pte), vma);
		write_access = 0;
	}
	unlock_page(page);

	flush_icache_page(vma, page);
	set_pte(page_table, pte);
	page_add_anon_rmap(page, vma, address);

	if (write_access) {
		/* Not shareable: break COW now (do_wp_page drops the lock). */
		if (do_wp_page(mm, vma, address,
				page_table, pmd, pte) == VM_FAULT_OOM)
			ret = VM_FAULT_OOM;
		goto out;
	}

	/* The PTE was not present before: nothing to invalidate. */
	update_mmu_cache(vma, address, pte);
	pte_unmap(page_table);
	spin_unlock(&mm->page_table_lock);
out:
	return ret;
}
