/*
 * mmreview model of mm/rmap.c, Linux 2.6.11-rc1-mm1 (seed 003's base).
 *
 * Not kernel source: a small simplification written for the checker, read
 * against 2.6.11 final (Antonio-Zhou/Linux-2.6.11), where the seed's hunk
 * sits at the same line (569). The lines the hunk matches are its own
 * context and removed lines, re-indented with tabs. Only try_to_unmap_one()
 * is here; try_to_unmap_anon/file call it for every vma that may map the
 * page, with the page locked.
 */

/* model: decl of mm/swapfile.c swap_duplicate(), 2.6.11; adds one swap_map
 * count to the entry (the one the swap PTE will hold). */
int swap_duplicate(swp_entry_t entry);

/* model: decl of mm/rmap.c page_remove_rmap(), 2.6.11; page_table_lock held.
 * Lowers page_mapcount by one; no page_count change. */
void page_remove_rmap(struct page *page);

/* model: mm/rmap.c try_to_unmap_one(), Linux 2.6.11-rc1-mm1 (read in 2.6.11 final, Antonio-Zhou/Linux-2.6.11); simplified: flush_cache_page, the BUG_ON checks and acct_update_integrals dropped; comments ours except the hunk's */
static int try_to_unmap_one(struct page *page, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long address;
	pgd_t *pgd;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	pte_t pteval;
	int ret = SWAP_AGAIN;

	/* Called by reclaim (or migration) with the page locked. */
	if (!mm->rss)
		goto out;
	address = vma_address(page, vma);
	if (address == -EFAULT)
		goto out;

	/* The page table lock keeps faults, munmap and fork out. */
	spin_lock(&mm->page_table_lock);

	pgd = pgd_offset(mm, address);
	if (!pgd_present(*pgd))
		goto out_unlock;

	pud = pud_offset(pgd, address);
	if (!pud_present(*pud))
		goto out_unlock;

	pmd = pmd_offset(pud, address);
	if (!pmd_present(*pmd))
		goto out_unlock;

	pte = pte_offset_map(pmd, address);
	if (!pte_present(*pte))
		goto out_unmap;

	if (page_to_pfn(page) != pte_pfn(*pte))
		goto out_unmap;

	/* Keep mlocked pages, and pages referenced since the last scan. */
	if ((vma->vm_flags & (VM_LOCKED|VM_RESERVED)) ||
			ptep_clear_flush_young(vma, address, pte)) {
		ret = SWAP_FAIL;
		goto out_unmap;
	}

	/*
	 * A swap-cache page should have exactly one reference per mapping
	 * plus the swap cache's plus the caller's. Anything more is taken
	 * to be get_user_pages() (or swapoff) holding the page: do not
	 * unmap it, or a later write fault would see the raised count, copy
	 * the page, and leave the holder with the stale original.
	 */
	if (PageSwapCache(page) &&
	    page_count(page) != page_mapcount(page) + 2) {
		ret = SWAP_FAIL;
		goto out_unmap;
	}

	/* Nuke the page table entry. */
	pteval = ptep_clear_flush(vma, address, pte);

	/* The dirty bit moves from the PTE to the page. */
	if (pte_dirty(pteval))
		set_page_dirty(page);

	if (PageAnon(page)) {
		swp_entry_t entry = { .val = page->private };
		/* Leave the swap entry in the PTE: one more swap_map count.
		 * (An anon page gets here only once in the swap cache.) */
		swap_duplicate(entry);
		if (list_empty(&mm->mmlist)) {
			spin_lock(&mmlist_lock);
			list_add(&mm->mmlist, &init_mm.mmlist);
			spin_unlock(&mmlist_lock);
		}
		set_pte(pte, swp_entry_to_pte(entry));
		mm->anon_rss--;
	}

	mm->rss--;
	page_remove_rmap(page);
	/* The reference the PTE held. */
	page_cache_release(page);

out_unmap:
	pte_unmap(pte);
out_unlock:
	spin_unlock(&mm->page_table_lock);
out:
	return ret;
}
