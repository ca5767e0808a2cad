// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmreview model of mm/memory.c, Linux mainline of 2020-08-11 (between v5.8
 * and v5.9-rc1; the preimage of Linus's "Trial do_wp_page() simplification",
 * index 602f4283122f).
 *
 * Not kernel source: a small simplification written for the checker, read
 * against v5.8.1 (semwett0301/linux-5.8.1) and v5.9.1 (ach84/linux-5.9.1).
 * Outside the anonymous-page branch, do_wp_page() reads the same in both, so
 * the 2020-08-11 function is taken to read the same too. The lines of
 * do_wp_page() that the seed's hunk matches are the hunk's own context and
 * removed lines, re-indented with tabs. Only the write-protect fault path is
 * here; everything else in memory.c is left out.
 */

/*
 * Helpers defined elsewhere, declared here with the contract the checker
 * relies on.
 */

/* model: decl of mm/swapfile.c reuse_swap_page(), v5.8.1; page must be locked.
 * Returns false for a KSM page. Otherwise counts mapcount + swapcount (over a
 * THP's subpages: page_trans_huge_map_swapcount) and sets
 * *total_map_swapcount to total mapcount + total swapcount. If that count is 1
 * and the page is in the swap cache (not under writeback), deletes it from
 * the swap cache and marks it dirty, which drops the swap cache's reference.
 * Returns count <= 1. Does NOT look at page_count(): extra references (GUP)
 * are ignored. */
bool reuse_swap_page(struct page *page, int *total_map_swapcount);

/* model: decl of mm/ksm.c reuse_ksm_page(), v5.8.1; page must be locked and
 * mapped. Returns false if the page is in the swap cache or has no stable
 * node, or if page_ref_freeze(page, 1) fails (refcount is not exactly 1).
 * Otherwise, with the refcount frozen at 0: page_move_anon_rmap(page, vma),
 * page->index = linear_page_index(vma, address), page_ref_unfreeze(page, 1);
 * returns true. The page stays PageKsm and in the stable tree. */
bool reuse_ksm_page(struct page *page, struct vm_area_struct *vma,
		    unsigned long address);

/* model: decl of mm/rmap.c page_move_anon_rmap(), v5.8.1; page must be locked.
 * Points the (head) page's anon mapping at vma->anon_vma; no count changes. */
void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);

/* model: decl of mm/memory.c do_page_mkwrite(), v5.8.1; called without the
 * PTL, holding a page reference. Calls ->page_mkwrite. On ERROR or NOPAGE
 * returns that, page unlocked. If the handler did not lock the page, locks it
 * (lock_page, may sleep); if page->mapping is then NULL (truncated), unlocks
 * and returns 0 (retry). Otherwise returns with the page locked and
 * VM_FAULT_LOCKED set. */
static vm_fault_t do_page_mkwrite(struct vm_fault *vmf);

/* model: decl of mm/memory.c fault_dirty_shared_page(), v5.8.1; page locked
 * on entry. set_page_dirty, then unlock_page; may throttle dirtying
 * (balance_dirty_pages_ratelimited) and then return VM_FAULT_RETRY if it
 * dropped mmap_lock for that; else 0. Does not touch the refcount. */
static vm_fault_t fault_dirty_shared_page(struct vm_fault *vmf);

/* model: decl of mm/memory.c cow_user_page(), v5.8.1; copies the old page's
 * contents (or, if there is no old page, the user address) into the new page.
 * May drop and retake the PTL internally when the user copy faults; returns
 * false if the copy could not be done (the caller then retries the fault). */
static inline bool cow_user_page(struct page *dst, struct page *src,
				 struct vm_fault *vmf);

/* model: mm/memory.c wp_page_reuse(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: NUMA cpupid reset and the cache flush dropped */
static inline void wp_page_reuse(struct vm_fault *vmf)
	__releases(vmf->ptl)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t entry;

	/* Make the existing PTE young, dirty and (if the vma allows) writable,
	 * in place: the page keeps its refcount and mapcount. */
	entry = pte_mkyoung(vmf->orig_pte);
	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (ptep_set_access_flags(vma, vmf->address, vmf->pte, entry, 1))
		update_mmu_cache(vma, vmf->address, vmf->pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
}

/* model: mm/memory.c wp_page_copy(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: mmu-notifier range, memcg swap throttling, cache flush and the comments on ordering dropped; rss counter updates kept as one call each */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *old_page = vmf->page;	/* referenced by the caller, or NULL */
	struct page *new_page = NULL;
	pte_t entry;
	int page_copied = 0;

	/* Entered without the PTL. */
	if (unlikely(anon_vma_prepare(vma)))
		goto oom;

	if (is_zero_pfn(pte_pfn(vmf->orig_pte))) {
		new_page = alloc_zeroed_user_highpage_movable(vma, vmf->address);
		if (!new_page)
			goto oom;
	} else {
		new_page = alloc_page_vma(GFP_HIGHUSER_MOVABLE, vma, vmf->address);
		if (!new_page)
			goto oom;
		if (!cow_user_page(new_page, old_page, vmf)) {
			/* Copy failed: drop both references and let the
			 * fault be retried. */
			put_page(new_page);
			if (old_page)
				put_page(old_page);
			return 0;
		}
	}

	if (mem_cgroup_charge(new_page, mm, GFP_KERNEL))
		goto oom_free_new;
	__SetPageUptodate(new_page);

	/* Take the PTL again and check that nobody changed the PTE meanwhile. */
	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (likely(pte_same(*vmf->pte, vmf->orig_pte))) {
		if (old_page) {
			if (!PageAnon(old_page)) {
				dec_mm_counter_fast(mm, mm_counter_file(old_page));
				inc_mm_counter_fast(mm, MM_ANONPAGES);
			}
		} else {
			inc_mm_counter_fast(mm, MM_ANONPAGES);
		}
		entry = mk_pte(new_page, vma->vm_page_prot);
		entry = pte_sw_mkyoung(entry);
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
		/* Clear and flush the old PTE before the new one goes in. */
		ptep_clear_flush_notify(vma, vmf->address, vmf->pte);
		page_add_new_anon_rmap(new_page, vma, vmf->address, false);
		lru_cache_add_active_or_unevictable(new_page, vma);
		set_pte_at_notify(mm, vmf->address, vmf->pte, entry);
		update_mmu_cache(vma, vmf->address, vmf->pte);
		/* The old page loses this mapping only after the PTE switch
		 * (so nobody sees the lower mapcount and reuses it while our
		 * PTE still points at it). */
		if (old_page)
			page_remove_rmap(old_page, false);

		/* The reference put below is then the PTE's on the old page;
		 * the new page's allocation reference now belongs to the PTE. */
		new_page = old_page;
		page_copied = 1;
	} else {
		update_mmu_tlb(vma, vmf->address, vmf->pte);
	}

	if (new_page)
		put_page(new_page);

	pte_unmap_unlock(vmf->pte, vmf->ptl);
	if (old_page) {
		/* Do not leave an mlocked page with another task. */
		if (page_copied && (vma->vm_flags & VM_LOCKED)) {
			lock_page(old_page);
			if (PageMlocked(old_page))
				munlock_vma_page(old_page);
			unlock_page(old_page);
		}
		/* The caller's reference. */
		put_page(old_page);
	}
	return page_copied ? VM_FAULT_WRITE : 0;
oom_free_new:
	put_page(new_page);
oom:
	if (old_page)
		put_page(old_page);
	return VM_FAULT_OOM;
}

/* model: mm/memory.c finish_mkwrite_fault(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: the VM_SHARED warning dropped */
vm_fault_t finish_mkwrite_fault(struct vm_fault *vmf)
{
	/* Page locked (or otherwise protected) by the caller; PTL not held. */
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!pte_same(*vmf->pte, vmf->orig_pte)) {
		/* Another fault got here first. */
		update_mmu_tlb(vmf->vma, vmf->address, vmf->pte);
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return VM_FAULT_NOPAGE;
	}
	wp_page_reuse(vmf);
	return 0;
}

/* model: mm/memory.c wp_pfn_shared(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: nothing of mm state dropped */
static vm_fault_t wp_pfn_shared(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (vma->vm_ops && vma->vm_ops->pfn_mkwrite) {
		vm_fault_t ret;

		pte_unmap_unlock(vmf->pte, vmf->ptl);
		vmf->flags |= FAULT_FLAG_MKWRITE;
		ret = vma->vm_ops->pfn_mkwrite(vmf);
		if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
			return ret;
		return finish_mkwrite_fault(vmf);
	}
	wp_page_reuse(vmf);
	return VM_FAULT_WRITE;
}

/* model: mm/memory.c wp_page_shared(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: nothing of mm state dropped (do_page_mkwrite and fault_dirty_shared_page are declarations above) */
static vm_fault_t wp_page_shared(struct vm_fault *vmf)
	__releases(vmf->ptl)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret = VM_FAULT_WRITE;

	/* Hold the page across the unlocked ->page_mkwrite call. */
	get_page(vmf->page);

	if (vma->vm_ops && vma->vm_ops->page_mkwrite) {
		vm_fault_t tmp;

		pte_unmap_unlock(vmf->pte, vmf->ptl);
		tmp = do_page_mkwrite(vmf);
		if (unlikely(!tmp || (tmp &
				      (VM_FAULT_ERROR | VM_FAULT_NOPAGE)))) {
			put_page(vmf->page);
			return tmp;
		}
		/* The page is locked now. */
		tmp = finish_mkwrite_fault(vmf);
		if (unlikely(tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			unlock_page(vmf->page);
			put_page(vmf->page);
			return tmp;
		}
	} else {
		wp_page_reuse(vmf);
		lock_page(vmf->page);
	}
	/* Dirties and unlocks the page. */
	ret |= fault_dirty_shared_page(vmf);
	put_page(vmf->page);

	return ret;
}

/* model: mm/memory.c do_wp_page(), Linux v5.8.1 (mainline 2020-08-11 base); simplified: nothing dropped; comments outside the hunk reworded */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
	__releases(vmf->ptl)
{
	struct vm_area_struct *vma = vmf->vma;

	/* Entered with mmap_lock held for read and the PTE mapped and locked;
	 * returns with the PTE unmapped and unlocked. */
	if (userfaultfd_pte_wp(vma, *vmf->pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return handle_userfault(vmf, VM_UFFD_WP);
	}

	vmf->page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (!vmf->page) {
		/*
		 * No struct page behind the PTE (VM_MIXEDMAP or VM_PFNMAP): a
		 * shared writable mapping is made writable in place, anything
		 * else gets a fresh anonymous copy.
		 */
		if ((vma->vm_flags & (VM_WRITE|VM_SHARED)) ==
				     (VM_WRITE|VM_SHARED))
			return wp_pfn_shared(vmf);

		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return wp_page_copy(vmf);
	}

	/*
	 * Anonymous pages are dealt with first: anonymous shared vmas are
	 * not dirty accountable.
	 */
	if (PageAnon(vmf->page)) {
		int total_map_swapcount;
		if (PageKsm(vmf->page) && (PageSwapCache(vmf->page) ||
					   page_count(vmf->page) != 1))
			goto copy;
		if (!trylock_page(vmf->page)) {
			get_page(vmf->page);
			pte_unmap_unlock(vmf->pte, vmf->ptl);
			lock_page(vmf->page);
			vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd,
					vmf->address, &vmf->ptl);
			if (!pte_same(*vmf->pte, vmf->orig_pte)) {
				update_mmu_tlb(vma, vmf->address, vmf->pte);
				unlock_page(vmf->page);
				pte_unmap_unlock(vmf->pte, vmf->ptl);
				put_page(vmf->page);
				return 0;
			}
			put_page(vmf->page);
		}
		if (PageKsm(vmf->page)) {
			bool reused = reuse_ksm_page(vmf->page, vmf->vma,
						     vmf->address);
			unlock_page(vmf->page);
			if (!reused)
				goto copy;
			wp_page_reuse(vmf);
			return VM_FAULT_WRITE;
		}
		if (reuse_swap_page(vmf->page, &total_map_swapcount)) {
			if (total_map_swapcount == 1) {
				/*
				 * The page is all ours. Move it to
				 * our anon_vma so the rmap code will
				 * not search our parent or siblings.
				 * Protected against the rmap code by
				 * the page lock.
				 */
				page_move_anon_rmap(vmf->page, vma);
			}
			unlock_page(vmf->page);
			wp_page_reuse(vmf);
			return VM_FAULT_WRITE;
		}
		unlock_page(vmf->page);
	} else if (unlikely((vma->vm_flags & (VM_WRITE|VM_SHARED)) ==
					(VM_WRITE|VM_SHARED))) {
		return wp_page_shared(vmf);
	}
copy:
	/*
	 * Copy-on-write: take a reference for wp_page_copy() (it drops it)
	 * and let go of the PTL first.
	 */
	get_page(vmf->page);

	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return wp_page_copy(vmf);
}
