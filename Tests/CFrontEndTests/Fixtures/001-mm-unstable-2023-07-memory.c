// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmreview model of mm/memory.c, mm-unstable of mid-July 2023 (v6.5-rc era)
 * with Ryan Roberts's "variable-order, large folios for anonymous memory" v3
 * applied up to patch 3/4 ("mm: FLEXIBLE_THP for improved performance",
 * 2023-07-14, <20230714161733.4144503-3-ryan.roberts@arm.com>, memory.c
 * index 01f39e8144ef..e8bc729efb9d), EXCEPT alloc_anon_folio() itself: that
 * is what seed 001 quotes (a header-less fragment), and the tool inserts it
 * after anon_folio_order() (see manifest.json "fragments").
 *
 * Not kernel source: a small simplification written for the checker from
 * the archived patch and v6.5 (sndrzt/linux-6.5), whose do_anonymous_page()
 * matches every context and removed line of 3/4. Only the anonymous fault
 * path is here. Patches 1/4 and 2/4 do not touch this file's functions
 * (1/4 teaches folio_add_new_anon_rmap() about large non-PMD folios, 2/4
 * adds arch_wants_pte_order()); both are declared below.
 */

/* model: decl of mm/rmap.c folio_add_new_anon_rmap(), as changed by v3 1/4;
 * PTL held, folio new and not yet visible. Sets up the anon mapping (at
 * address, the folio's first page) and marks every page mapped once and
 * AnonExclusive: for a small or non-PMD large folio each page's mapcount
 * becomes 1; for a PMD folio the entire mapcount does. No refcount change. */
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address);

/* model: decl of mm/swap.c folio_add_lru_vma(), v6.5; puts the folio on an
 * LRU list (or the unevictable one). No refcount change for the caller. */
void folio_add_lru_vma(struct folio *folio, struct vm_area_struct *vma);

/* model: decl of include/linux/highmem.h vma_alloc_zeroed_movable_folio()
 * and mm/mempolicy.c vma_alloc_folio(), v6.5; may sleep. Return a new folio
 * with refcount 1 and no mappings (order-0 zeroed, resp. of the given order,
 * not zeroed), or NULL. */
struct folio *vma_alloc_zeroed_movable_folio(struct vm_area_struct *vma,
					     unsigned long vaddr);
struct folio *vma_alloc_folio(gfp_t gfp, int order, struct vm_area_struct *vma,
			      unsigned long addr, bool hugepage);

/* model: decl of include/linux/pgtable.h pte_offset_map() and pte_unmap(),
 * v6.5; map the PTE table under the pmd without taking the PTL. Since v6.5
 * pte_offset_map() may return NULL (the pmd is none or became a huge/leaf
 * entry meanwhile); the caller must then back out. Same for
 * pte_offset_map_lock(), which also takes the PTL when it succeeds. */
pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
void pte_unmap(pte_t *pte);

/* model: decl of arch_wants_pte_order(), v3 2/4; the arch's preferred folio
 * order for anonymous memory (generic default -1: no preference). */
int arch_wants_pte_order(void);

/* model: mm/memory.c vmf_orig_pte_uffd_wp(), Linux v6.5 (sndrzt/linux-6.5); simplified: nothing dropped */
static bool vmf_orig_pte_uffd_wp(struct vm_fault *vmf)
{
	/* True if the PTE this fault found was a uffd-wp marker. */
	if (!(vmf->flags & FAULT_FLAG_ORIG_PTE_VALID))
		return false;

	return pte_marker_uffd_wp(vmf->orig_pte);
}

/* model: mm/memory.c vmf_pte_changed(), Linux v6.5 (defined after do_anonymous_page there, with a forward declaration); simplified: nothing dropped */
static bool vmf_pte_changed(struct vm_fault *vmf)
{
	/* Compare with the PTE the fault started from if there was one,
	 * otherwise with "none". */
	if (vmf->flags & FAULT_FLAG_ORIG_PTE_VALID)
		return !pte_same(ptep_get(vmf->pte), vmf->orig_pte);

	return !pte_none(ptep_get(vmf->pte));
}

/* model: mm/memory.c vmf_pte_range_changed(), added by v3 3/4 (archive <20230714161733.4144503-3-ryan.roberts@arm.com>); simplified: nothing dropped */
static bool vmf_pte_range_changed(struct vm_fault *vmf, int nr_pages)
{
	int i;

	/* One page: the usual single-PTE test. */
	if (nr_pages == 1)
		return vmf_pte_changed(vmf);

	/* Several: every PTE from vmf->pte on must still be none (read
	 * without relying on the PTL). */
	for (i = 0; i < nr_pages; i++) {
		if (!pte_none(ptep_get_lockless(vmf->pte + i)))
			return true;
	}

	return false;
}

#ifdef CONFIG_FLEXIBLE_THP
/* model: mm/memory.c flexthp_unhinted_max_order, added by v3 3/4 (archive); simplified: the flexthp_unhinted_max= boot parameter parser (parse_flexthp_unhinted_max, which keeps it a power-of-2 order below PMD order and never 1) dropped */
static int flexthp_unhinted_max_order =
		ilog2(SZ_64K > PAGE_SIZE ? SZ_64K : PAGE_SIZE) - PAGE_SHIFT;

/* model: mm/memory.c anon_folio_order(), added by v3 3/4 (archive <20230714161733.4144503-3-ryan.roberts@arm.com>); simplified: nothing dropped, comment ours */
static int anon_folio_order(struct vm_area_struct *vma)
{
	int order;

	/*
	 * THP disabled for the vma, the process or the system: order 0.
	 * Otherwise the arch's preference, at least PAGE_ALLOC_COSTLY_ORDER;
	 * capped by flexthp_unhinted_max_order when the vma is not eligible
	 * for THP (it did not opt in). Always below PMD order.
	 */
	if ((vma->vm_flags & VM_NOHUGEPAGE) ||
	    test_bit(MMF_DISABLE_THP, &vma->vm_mm->flags) ||
	    !hugepage_flags_enabled())
		order = 0;
	else {
		order = max(arch_wants_pte_order(), PAGE_ALLOC_COSTLY_ORDER);

		if (!hugepage_vma_check(vma, vma->vm_flags, false, true, true))
			order = min(order, flexthp_unhinted_max_order);
	}

	return order;
}
static int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)
{
 int i;
 gfp_t gfp;
 pte_t *pte;
 unsigned long addr;
 struct vm_area_struct *vma = vmf->vma;
 int prefer = anon_folio_order(vma);
 int orders[] = {
 prefer,
 prefer > PAGE_ALLOC_COSTLY_ORDER ? PAGE_ALLOC_COSTLY_ORDER : 0,
 0,
 };

 *folio = NULL;

 if (vmf_orig_pte_uffd_wp(vmf))
 goto fallback;

 for (i = 0; orders[i]; i++) {
 addr = ALIGN_DOWN(vmf->address, PAGE_SIZE << orders[i]);
 if (addr >= vma->vm_start &&
 addr + (PAGE_SIZE << orders[i]) <= vma->vm_end)
 break;
 }

 if (!orders[i])
 goto fallback;

 pte = pte_offset_map(vmf->pmd, vmf->address & PMD_MASK);
 if (!pte)
 return -EAGAIN;

 for (; orders[i]; i++) {
 addr = ALIGN_DOWN(vmf->address, PAGE_SIZE << orders[i]);
 vmf->pte = pte + pte_index(addr);
 if (!vmf_pte_range_changed(vmf, 1 << orders[i]))
 break;
 }

 vmf->pte = NULL;
 pte_unmap(pte);

 gfp = vma_thp_gfp_mask(vma);

 for (; orders[i]; i++) {
 addr = ALIGN_DOWN(vmf->address, PAGE_SIZE << orders[i]);
 *folio = vma_alloc_folio(gfp, orders[i], vma, addr, true);
 if (*folio) {
 clear_huge_page(&(*folio)->page, addr, 1 << orders[i]);
 return 0;
 }
 }

fallback:
 *folio = vma_alloc_zeroed_movable_folio(vma, vmf->address);
 return *folio ? 0 : -ENOMEM;
}
#else
static inline int alloc_anon_folio(struct vm_fault *vmf, struct folio **folio)
{
	*folio = vma_alloc_zeroed_movable_folio(vmf->vma, vmf->address);
	return *folio ? 0 : -ENOMEM;
}

#endif

/* model: mm/memory.c do_anonymous_page(), mm-unstable 2023-07 as changed by v3 3/4 (archive <20230714161733.4144503-3-ryan.roberts@arm.com>; the unchanged lines read in v6.5, sndrzt/linux-6.5); simplified: nothing of mm state dropped, comments ours */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	int i = 0;
	int nr_pages = 1;
	bool uffd_wp = vmf_orig_pte_uffd_wp(vmf);
	struct vm_area_struct *vma = vmf->vma;
	struct folio *folio;
	vm_fault_t ret = 0;
	pte_t entry;
	unsigned long addr;

	/* Entered with mmap_lock (or the vma lock) held for read; the PTE
	 * was none; PTL not held. Returns with the PTE unmapped and unlocked. */

	/* A shared mapping without ->vm_ops cannot be anonymous. */
	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;

	/* Make sure a PTE table exists; pte_alloc() rather than
	 * pte_alloc_map() so that OOM differs from a failed map below. */
	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;

	/* Read fault: map the zero page. */
	if (!(vmf->flags & FAULT_FLAG_WRITE) &&
			!mm_forbids_zeropage(vma->vm_mm)) {
		entry = pte_mkspecial(pfn_pte(my_zero_pfn(vmf->address),
						vma->vm_page_prot));
		vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd,
				vmf->address, &vmf->ptl);
		if (!vmf->pte)
			goto unlock;
		if (vmf_pte_changed(vmf)) {
			update_mmu_tlb(vma, vmf->address, vmf->pte);
			goto unlock;
		}
		ret = check_stable_address_space(vma->vm_mm);
		if (ret)
			goto unlock;
		/* userfaultfd missing mode: hand the fault to userspace. */
		if (userfaultfd_missing(vma)) {
			pte_unmap_unlock(vmf->pte, vmf->ptl);
			return handle_userfault(vmf, VM_UFFD_MISSING);
		}
		/* Jumps into the loop below with i == 0 (nr_pages == 1);
		 * note addr has not been set on this path. */
		goto setpte;
	}

	/* Write fault: a new private folio, allocated without the PTL. */
	if (unlikely(anon_vma_prepare(vma)))
		goto oom;
	ret = alloc_anon_folio(vmf, &folio);
	if (unlikely(ret == -EAGAIN))
		return 0;
	if (!folio)
		goto oom;

	nr_pages = folio_nr_pages(folio);
	addr = ALIGN_DOWN(vmf->address, nr_pages * PAGE_SIZE);

	if (mem_cgroup_charge(folio, vma->vm_mm, GFP_KERNEL))
		goto oom_free_page;
	folio_throttle_swaprate(folio, GFP_KERNEL);

	/* Contents (zeroes) visible before the PTEs are. */
	__folio_mark_uptodate(folio);

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, addr, &vmf->ptl);
	if (!vmf->pte)
		goto release;
	/* Re-check, under the PTL, that the whole range is still empty. */
	if (vmf_pte_range_changed(vmf, nr_pages)) {
		for (i = 0; i < nr_pages; i++)
			update_mmu_tlb(vma, addr + PAGE_SIZE * i, vmf->pte + i);
		goto release;
	}

	ret = check_stable_address_space(vma->vm_mm);
	if (ret)
		goto release;

	/* userfaultfd missing mode: drop the folio, hand over to userspace. */
	if (userfaultfd_missing(vma)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		folio_put(folio);
		return handle_userfault(vmf, VM_UFFD_MISSING);
	}

	/* One reference per PTE: the allocation's plus nr_pages - 1. */
	folio_ref_add(folio, nr_pages - 1);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, nr_pages);
	folio_add_new_anon_rmap(folio, vma, addr);
	folio_add_lru_vma(folio, vma);

	for (i = 0; i < nr_pages; i++) {
		entry = mk_pte(folio_page(folio, i), vma->vm_page_prot);
		entry = pte_sw_mkyoung(entry);
		if (vma->vm_flags & VM_WRITE)
			entry = pte_mkwrite(pte_mkdirty(entry));
setpte:
		if (uffd_wp)
			entry = pte_mkuffd_wp(entry);
		set_pte_at(vma->vm_mm, addr + PAGE_SIZE * i, vmf->pte + i, entry);

		/* The PTE was none: nothing to invalidate. */
		update_mmu_cache(vma, addr + PAGE_SIZE * i, vmf->pte + i);
	}
unlock:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	return ret;
release:
	folio_put(folio);
	goto unlock;
oom_free_page:
	folio_put(folio);
oom:
	return VM_FAULT_OOM;
}
