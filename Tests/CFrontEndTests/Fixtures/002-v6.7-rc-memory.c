// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmreview model of mm/memory.c, the v6.7-rc era mm-unstable (December 2023)
 * that Ryan Roberts's "[PATCH v3 01/15] mm: Batch-copy PTE ranges during
 * fork()" was posted against (seed 002; index 1f18ed4a5497).
 *
 * Not kernel source: a small simplification written for the checker, read
 * against v6.5 (sndrzt/linux-6.5) and v6.8 (vivo50kff/linux-6.8). The fork
 * PTE copy path reads the same in both except for the rmap helper names and
 * page_copy_prealloc(), renamed folio_prealloc() in v6.8; the seed shows the
 * v6.5 names, so the text is v6.5's. The lines the seed's hunks match are
 * the hunks' own context and removed lines, re-indented with tabs. Only
 * copy_present_page(), copy_present_pte(), page_copy_prealloc() and
 * copy_pte_range() are here.
 *
 * Locks during the copy: mmap_lock held for write on both mms, the child's
 * PTL and then the parent's PTL (nested) held, no sleeping.
 */

/* model: decl of mm/memory.c copy_nonpresent_pte(), v6.5; both PTLs held.
 * Copies a swap, migration, device-private/exclusive or marker entry.
 * Returns 0 on success, -EIO when the swap count needs a continuation page
 * (the caller retries after add_swap_count_continuation), -EBUSY when a
 * device-private page may be pinned, -ENOENT when it restored a
 * device-exclusive entry to a present PTE (the caller then copies that). */
static unsigned long
copy_nonpresent_pte(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		pte_t *dst_pte, pte_t *src_pte, struct vm_area_struct *dst_vma,
		struct vm_area_struct *src_vma, unsigned long addr, int *rss);

/*
 * model: mm/memory.c copy_present_pte(), v6.7-rc mm-unstable (read in v6.5, sndrzt/linux-6.5); simplified: nothing dropped — every line of it,
 * from its comment to its closing brace and the next function's signature, is context or removed text of the seed's first hunk, so it is
 * written out whole and this model comment sits here, above copy_present_page().
 */
/* model: mm/memory.c copy_present_page(), v6.7-rc mm-unstable (read in v6.5, sndrzt/linux-6.5); simplified: nothing dropped, comments ours */
static inline int
copy_present_page(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
		  pte_t *dst_pte, pte_t *src_pte, unsigned long addr, int *rss,
		  struct folio **prealloc, struct page *page)
{
	struct folio *new_folio;
	pte_t pte;

	/*
	 * The child gets its own copy of a page the parent may have pinned.
	 * The copy is allocated beforehand, outside the locks; without one,
	 * -EAGAIN makes copy_pte_range() drop the locks and allocate it.
	 */
	new_folio = *prealloc;
	if (!new_folio)
		return -EAGAIN;

	/* Consume the preallocated folio (refcount 1, becomes the PTE's). */
	*prealloc = NULL;
	copy_user_highpage(&new_folio->page, page, addr, src_vma);
	__folio_mark_uptodate(new_folio);
	folio_add_new_anon_rmap(new_folio, dst_vma, addr);
	folio_add_lru_vma(new_folio, dst_vma);
	rss[MM_ANONPAGES]++;

	/* Map the copy writable (if the vma allows) in the child. */
	pte = mk_pte(&new_folio->page, dst_vma->vm_page_prot);
	pte = maybe_mkwrite(pte_mkdirty(pte), dst_vma);
	if (userfaultfd_pte_wp(dst_vma, ptep_get(src_pte)))
		/* Keep uffd-wp in the child too. */
		pte = pte_mkuffd_wp(pte);
	set_pte_at(dst_vma->vm_mm, addr, dst_pte, pte);
	return 0;
}

static int folio_nr_pages_cont_mapped(struct folio *folio,
	struct page *page, pte_t *pte,
	unsigned long addr, unsigned long end,
	pte_t ptent, bool enforce_uffd_wp,
	int *dirty_nr, int *writable_nr)
{
	int floops;
	int i;
	unsigned long pfn;
	bool prot_none;
	bool uffd_wp;

	if (!folio_test_large(folio))
		return 1;

	/*
	 * Loop either to `end` or to end of folio if its contiguously mapped,
	 * whichever is smaller.
	 */
	floops = (end - addr) >> PAGE_SHIFT;
	floops = min_t(int, floops,
		folio_pfn(folio_next(folio)) - page_to_pfn(page));

	pfn = page_to_pfn(page);
	prot_none = pte_protnone(ptent);
	uffd_wp = pte_uffd_wp(ptent);

	*dirty_nr = !!pte_dirty(ptent);
	*writable_nr = !!pte_write(ptent);

	pfn++;
	pte++;

	for (i = 1; i < floops; i++) {
		ptent = ptep_get(pte);

		if (!pte_present(ptent) || pte_pfn(ptent) != pfn ||
			prot_none != pte_protnone(ptent) ||
			(enforce_uffd_wp && uffd_wp != pte_uffd_wp(ptent)))
			break;

		if (pte_dirty(ptent))
			(*dirty_nr)++;
		if (pte_write(ptent))
			(*writable_nr)++;

		pfn++;
		pte++;
	}

	return i;
}

/*
 * Copy set of contiguous ptes. Returns number of ptes copied if succeeded
 * (always gte 1), or -EAGAIN if one preallocated page is required to copy the
 * first pte.
 */
static inline int
	copy_present_ptes(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
	pte_t *dst_pte, pte_t *src_pte,
	unsigned long addr, unsigned long end,
	int *rss, struct folio **prealloc)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	unsigned long vm_flags = src_vma->vm_flags;
	pte_t pte = ptep_get(src_pte);
	struct page *page;
	struct folio *folio;
	int nr = 1;
	bool anon = false;
	bool enforce_uffd_wp = userfaultfd_wp(dst_vma);
	int nr_dirty = !!pte_dirty(pte);
	int nr_writable = !!pte_write(pte);
	int i, ret;

	page = vm_normal_page(src_vma, addr, pte);
	if (page) {
		folio = page_folio(page);
		anon = folio_test_anon(folio);
		nr = folio_nr_pages_cont_mapped(folio, page, src_pte, addr, end,
			pte, enforce_uffd_wp, &nr_dirty,
			&nr_writable);
		folio_ref_add(folio, nr);

		for (i = 0; i < nr; i++, page++) {
			if (anon) {
				/*
				 * If this page may have been pinned by the
				 * parent process, copy the page immediately for
				 * the child so that we'll always guarantee the
				 * pinned page won't be randomly replaced in the
				 * future.
				 */
				if (unlikely(page_try_dup_anon_rmap(
					page, false, src_vma))) {
					if (i != 0)
						break;
					/* Page may be pinned, we have to copy. */
					folio_ref_sub(folio, nr);
					ret = copy_present_page(
						dst_vma, src_vma, dst_pte,
						src_pte, addr, rss, prealloc,
						page);
					return ret == 0 ? 1 : ret;
				}
				rss[MM_ANONPAGES]++;
				VM_BUG_ON(PageAnonExclusive(page));
			} else {
				page_dup_file_rmap(page, false);
				rss[mm_counter_file(page)]++;
			}
		}

		if (i < nr) {
			folio_ref_sub(folio, nr - i);
			nr = i;
		}
	}

	/*
	 * If it's a shared mapping, mark it clean and write protected in the
	 * child, and rely on a write fault to fix up the permissions. This
	 * allows determining batch size without having to consider RO/RW
	 * permissions. As an optimization, skip wrprotect if all ptes in the
	 * batch have the same permissions.
	 *
	 * If its a private (CoW) mapping, mark it dirty in the child if _any_
	 * of the parent mappings in the block were marked dirty. The contiguous
	 * block of mappings are all backed by the same folio, so if any are
	 * dirty then the whole folio is dirty. This allows determining batch
	 * size without having to consider the dirty bit. Further, write protect
	 * it both in the parent and the child so that a future write will cause
	 * a CoW. As as an optimization, skip the wrprotect if all the ptes in
	 * the batch are already readonly.
	 */
	if (vm_flags & VM_SHARED) {
		pte = pte_mkclean(pte);
		if (nr_writable > 0 && nr_writable < nr)
			pte = pte_wrprotect(pte);
	} else {
		if (nr_dirty)
			pte = pte_mkdirty(pte);
		if (nr_writable) {
			ptep_set_wrprotects(src_mm, addr, src_pte, nr);
			pte = pte_wrprotect(pte);
		}
	}

	pte = pte_mkold(pte);
	pte = pte_clear_soft_dirty(pte);
	if (!enforce_uffd_wp)
		pte = pte_clear_uffd_wp(pte);

	set_ptes(dst_vma->vm_mm, addr, dst_pte, pte, nr);
	return nr;
}

static inline struct folio *page_copy_prealloc(struct mm_struct *src_mm,
		struct vm_area_struct *vma, unsigned long addr)
{
	/* model: mm/memory.c page_copy_prealloc(), v6.7-rc mm-unstable (read in v6.5; folio_prealloc() in v6.8); simplified: nothing dropped (this comment is inside the body because the seed's first hunk ends with the signature line) */
	struct folio *new_folio;

	/* Called with no locks held: may sleep. Refcount 1, charged. */
	new_folio = vma_alloc_folio(GFP_HIGHUSER_MOVABLE, 0, vma, addr, false);
	if (!new_folio)
		return NULL;

	if (mem_cgroup_charge(new_folio, src_mm, GFP_KERNEL)) {
		folio_put(new_folio);
		return NULL;
	}
	folio_throttle_swaprate(new_folio, GFP_KERNEL);

	return new_folio;
}

/* model: mm/memory.c copy_pte_range(), v6.7-rc mm-unstable (read in v6.5, sndrzt/linux-6.5); simplified: nothing of mm state dropped, comments outside the hunks ours (the long note on THP-transition assumptions shortened) */
static int
copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
	       pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr,
	       unsigned long end)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	struct mm_struct *src_mm = src_vma->vm_mm;
	pte_t *orig_src_pte, *orig_dst_pte;
	pte_t *src_pte, *dst_pte;
	pte_t ptent;
	spinlock_t *src_ptl, *dst_ptl;
	int progress, ret = 0;
	int rss[NR_MM_COUNTERS];
	swp_entry_t entry = (swp_entry_t){0};
	struct folio *prealloc = NULL;
	int nr_ptes;

again:
	progress = 0;
	init_rss_vec(rss);

	/*
	 * Exclusive mmap_lock on both mms keeps anon PMDs from changing
	 * under us (copy_pmd_range() already dealt with none/bad PMDs).
	 * Child's table: allocate if needed, map and lock. Parent's: map,
	 * which may fail, then lock nested inside the child's PTL.
	 */
	dst_pte = pte_alloc_map_lock(dst_mm, dst_pmd, addr, &dst_ptl);
	if (!dst_pte) {
		ret = -ENOMEM;
		goto out;
	}
	src_pte = pte_offset_map_nolock(src_mm, src_pmd, addr, &src_ptl);
	if (!src_pte) {
		pte_unmap_unlock(dst_pte, dst_ptl);
		/* nothing to copy: ret stays 0 */
		goto out;
	}
	spin_lock_nested(src_ptl, SINGLE_DEPTH_NESTING);
	orig_src_pte = src_pte;
	orig_dst_pte = dst_pte;
	arch_enter_lazy_mmu_mode();

	do {
		nr_ptes = 1;

		/*
		 * We are holding two locks at this point - either of them
		 * could generate latencies in another task on another CPU.
		 */
		if (progress >= 32) {
			progress = 0;
			if (need_resched() ||
			    spin_needbreak(src_ptl) || spin_needbreak(dst_ptl))
				break;
		}
		ptent = ptep_get(src_pte);
		if (pte_none(ptent)) {
			progress++;
			continue;
		}
		if (unlikely(!pte_present(ptent))) {
			ret = copy_nonpresent_pte(dst_mm, src_mm,
						  dst_pte, src_pte,
						  dst_vma, src_vma,
						  addr, rss);
			if (ret == -EIO) {
				entry = pte_to_swp_entry(ptep_get(src_pte));
				break;
			} else if (ret == -EBUSY) {
				break;
			} else if (!ret) {
				progress += 8;
				continue;
			}

			/*
			 * A device-exclusive entry was turned back into a
			 * present PTE: copy it below as
			 * the now present pte.
			 */
			WARN_ON_ONCE(ret != -ENOENT);
			ret = 0;
		}
		/* copy_present_ptes() will clear `*prealloc' if consumed */
		nr_ptes = copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte,
			addr, end, rss, &prealloc);

		/*
		 * If we need a pre-allocated page for this pte, drop the
		 * locks, allocate, and try again.
		 */
		if (unlikely(nr_ptes == -EAGAIN)) {
			ret = -EAGAIN;
			break;
		}

		if (unlikely(prealloc)) {
			/*
			 * pre-alloc page cannot be reused by next time so as
			 * to keep to the mempolicy (the allocation depended
			 * on the address); only happens when a pinned PTE
			 * changed meanwhile.
			 */
			folio_put(prealloc);
			prealloc = NULL;
		}
		progress += 8 * nr_ptes;
	} while (dst_pte += nr_ptes, src_pte += nr_ptes,
		addr += PAGE_SIZE * nr_ptes, addr != end);

	arch_leave_lazy_mmu_mode();
	pte_unmap_unlock(orig_src_pte, src_ptl);
	add_mm_rss_vec(dst_mm, rss);
	pte_unmap_unlock(orig_dst_pte, dst_ptl);
	cond_resched();

	/* Locks dropped: resolve what stopped the loop, then go on. */
	if (ret == -EIO) {
		VM_WARN_ON_ONCE(!entry.val);
		if (add_swap_count_continuation(entry, GFP_KERNEL) < 0) {
			ret = -ENOMEM;
			goto out;
		}
		entry.val = 0;
	} else if (ret == -EBUSY) {
		goto out;
	} else if (ret ==  -EAGAIN) {
		prealloc = page_copy_prealloc(src_mm, src_vma, addr);
		if (!prealloc)
			return -ENOMEM;
	} else if (ret) {
		VM_WARN_ON_ONCE(1);
	}

	ret = 0;

	if (addr != end)
		goto again;
out:
	if (unlikely(prealloc))
		folio_put(prealloc);
	return ret;
}
