/*
 * mmreview model of mm/memory.c, the -mm/linux-next tree of March 2014 that
 * Matthew Wilcox's "[PATCH v7 02/22] Allow page fault handlers to perform
 * the COW" was posted against (seed 004; index 07b4287).
 *
 * Not kernel source: a small simplification written for the checker. This
 * tree had Kirill Shutemov's do_fault() split (do_read_fault, do_cow_fault,
 * do_shared_fault; posted 2014-02-10 as <1392064866-11840-*-git-send-email-
 * kirill.shutemov@linux.intel.com>, merged in v3.15-rc1) and
 * do_page_mkwrite(), but not yet fault-around (->map_pages) nor the
 * do_shared_fault 'mapping' fix. Read against 3.15.5
 * (pradeep0605/CS736_Eager_paging_linux-3.15.5, a research fork: its
 * "apriori" allocation and "badger trap" additions and its extra
 * __do_fault prototype were ignored) and 3.14.1 (nadavitay/linux-3.14.1).
 * The lines the seed's hunks match are the hunks' own context and removed
 * lines, re-indented with tabs. Only the file-backed fault path is here.
 *
 * Locks: mmap_sem is held for read throughout; the PTE lock (ptl) is a
 * spinlock, so lock_page() and the ->fault handler run without it.
 */

/* model: decl of mm/rmap.c page_add_new_anon_rmap() and page_add_file_rmap(),
 * v3.14; PTL held. Raise the page's mapcount by one (new anon page: set its
 * anon mapping and put it on the LRU); no refcount change: the caller's
 * reference becomes the PTE's. */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
void page_add_file_rmap(struct page *page);

/* model: mm/memory.c do_page_mkwrite(), -mm of March 2014 (read in 3.15.5); simplified: nothing dropped */
static int do_page_mkwrite(struct vm_area_struct *vma, struct page *page,
	       unsigned long address)
{
	struct vm_fault vmf;
	int ret;

	/* Called without the PTL, holding a page reference, page unlocked. */
	vmf.virtual_address = (void __user *)(address & PAGE_MASK);
	vmf.pgoff = page->index;
	vmf.flags = FAULT_FLAG_WRITE|FAULT_FLAG_MKWRITE;
	vmf.page = page;
	vmf.cow_page = NULL;

	ret = vma->vm_ops->page_mkwrite(vma, &vmf);
	if (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)))
		return ret;
	if (unlikely(!(ret & VM_FAULT_LOCKED))) {
		lock_page(page);
		if (!page->mapping) {
			/* Truncated meanwhile: let the fault be retried. */
			unlock_page(page);
			return 0;
		}
		ret |= VM_FAULT_LOCKED;
	} else
		VM_BUG_ON_PAGE(!PageLocked(page), page);
	/* Returns with the page locked. */
	return ret;
}

static int __do_fault(struct vm_area_struct *vma, unsigned long address,
	pgoff_t pgoff, unsigned int flags,
	struct page *cow_page, struct page **page)
{
	struct vm_fault vmf;
	int ret;
	/* model: mm/memory.c __do_fault(), -mm of March 2014 (read in 3.15.5); simplified: nothing dropped (this comment is inside the body because the seed's hunk context runs from the previous function's closing brace to these declarations) */

	vmf.virtual_address = (void __user *)(address & PAGE_MASK);
	vmf.pgoff = pgoff;
	vmf.flags = flags;
	vmf.page = NULL;
	vmf.cow_page = cow_page;

	ret = vma->vm_ops->fault(vma, &vmf);
	if (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
		return ret;
	if (unlikely(ret & VM_FAULT_COWED))
		goto out;

	if (unlikely(PageHWPoison(vmf.page))) {
		if (ret & VM_FAULT_LOCKED)
			unlock_page(vmf.page);
		page_cache_release(vmf.page);
		return VM_FAULT_HWPOISON;
	}

	/* Hand the page back locked and referenced. */
	if (unlikely(!(ret & VM_FAULT_LOCKED)))
		lock_page(vmf.page);
	else
		VM_BUG_ON_PAGE(!PageLocked(vmf.page), vmf.page);

out:
	*page = vmf.page;
	return ret;
}

/* model: mm/memory.c do_set_pte(), -mm of March 2014 (static, before fault-around made it global; read in 3.15.5); simplified: flush_icache_page and the soft-dirty carry-over for nonlinear file PTEs dropped */
static void do_set_pte(struct vm_area_struct *vma, unsigned long address,
		struct page *page, pte_t *pte, bool write, bool anon)
{
	pte_t entry;

	/* PTL held. The caller's page reference becomes the PTE's. */
	entry = mk_pte(page, vma->vm_page_prot);
	if (write)
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (anon) {
		inc_mm_counter_fast(vma->vm_mm, MM_ANONPAGES);
		page_add_new_anon_rmap(page, vma, address);
	} else {
		inc_mm_counter_fast(vma->vm_mm, MM_FILEPAGES);
		page_add_file_rmap(page);
	}
	set_pte_at(vma->vm_mm, address, pte, entry);

	/* The PTE was not present: nothing cached to invalidate. */
	update_mmu_cache(vma, address, pte);
}

/* model: mm/memory.c do_read_fault(), -mm of March 2014 (before fault-around; order of the tail as in Kirill's 2014-02-10 patch); simplified: nothing dropped */
static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long address, pmd_t *pmd,
		pgoff_t pgoff, unsigned int flags, pte_t orig_pte)
{
	struct page *fault_page;
	spinlock_t *ptl;
	pte_t *pte;
	int ret;

	ret = __do_fault(vma, address, pgoff, flags, NULL, &fault_page);
	if (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
		return ret;

	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (unlikely(!pte_same(*pte, orig_pte))) {
		/* Raced with another fault: drop the page. */
		pte_unmap_unlock(pte, ptl);
		unlock_page(fault_page);
		page_cache_release(fault_page);
		return ret;
	}
	do_set_pte(vma, address, fault_page, pte, false, false);
	pte_unmap_unlock(pte, ptl);
	unlock_page(fault_page);
	return ret;
}

/*
 * If the fault handler performs the COW, it does not return a page,
 * so cannot use the page's lock to protect against a concurrent truncate
 * operation. Instead it returns with the i_mmap_mutex held, which must
 * be released after the PTE has been inserted.
 */
static int do_cow_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long address, pmd_t *pmd,
		pgoff_t pgoff, unsigned int flags, pte_t orig_pte)
{
	/* model: mm/memory.c do_cow_fault(), -mm of March 2014 (read in 3.15.5 without the research fork's apriori allocation; memcg charge named as in Kirill's 2014-02 patch, mem_cgroup_charge_anon in v3.15); simplified: nothing dropped (this comment is inside the body because the seed's hunk context runs from the previous function's closing brace to this signature) */
	struct page *fault_page, *new_page;
	spinlock_t *ptl;
	pte_t *pte;
	int ret;

	/* Private write fault on a file page: copy it into a new anon page. */
	if (unlikely(anon_vma_prepare(vma)))
		return VM_FAULT_OOM;

	new_page = alloc_page_vma(GFP_HIGHUSER_MOVABLE, vma, address);
	if (!new_page)
		return VM_FAULT_OOM;

	if (mem_cgroup_newpage_charge(new_page, mm, GFP_KERNEL)) {
		page_cache_release(new_page);
		return VM_FAULT_OOM;
	}

	ret = __do_fault(vma, address, pgoff, flags, new_page, &fault_page);
	if (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
		goto uncharge_out;

	if (!(ret & VM_FAULT_COWED))
		copy_user_highpage(new_page, fault_page, address, vma);
	__SetPageUptodate(new_page);

	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (unlikely(!pte_same(*pte, orig_pte)))
		goto unlock_out;
	do_set_pte(vma, address, new_page, pte, true, true);
	pte_unmap_unlock(pte, ptl);
	if (ret & VM_FAULT_COWED) {
		mutex_unlock(&vma->vm_file->f_mapping->i_mmap_mutex);
	} else {
		unlock_page(fault_page);
		page_cache_release(fault_page);
	}
	return ret;
unlock_out:
	pte_unmap_unlock(pte, ptl);
	if (ret & VM_FAULT_COWED) {
		mutex_unlock(&vma->vm_file->f_mapping->i_mmap_mutex);
	} else {
		unlock_page(fault_page);
		page_cache_release(fault_page);
	}
uncharge_out:
	mem_cgroup_uncharge_page(new_page);
	page_cache_release(new_page);
	return ret;
}

/* model: mm/memory.c do_shared_fault(), -mm of March 2014 (read in 3.15.5; without the later 'mapping' local, see the manifest); simplified: nothing dropped */
static int do_shared_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long address, pmd_t *pmd,
		pgoff_t pgoff, unsigned int flags, pte_t orig_pte)
{
	struct page *fault_page;
	spinlock_t *ptl;
	pte_t *pte;
	int dirtied = 0;
	int ret, tmp;

	ret = __do_fault(vma, address, pgoff, flags, NULL, &fault_page);
	if (unlikely(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)))
		return ret;

	/* Give the filesystem its say before the page becomes writable;
	 * do_page_mkwrite wants the page unlocked and returns it locked. */
	if (vma->vm_ops->page_mkwrite) {
		unlock_page(fault_page);
		tmp = do_page_mkwrite(vma, fault_page, address);
		if (unlikely(!tmp ||
				(tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)))) {
			page_cache_release(fault_page);
			return tmp;
		}
	}

	pte = pte_offset_map_lock(mm, pmd, address, &ptl);
	if (unlikely(!pte_same(*pte, orig_pte))) {
		pte_unmap_unlock(pte, ptl);
		unlock_page(fault_page);
		page_cache_release(fault_page);
		return ret;
	}
	do_set_pte(vma, address, fault_page, pte, true, false);
	pte_unmap_unlock(pte, ptl);

	if (set_page_dirty(fault_page))
		dirtied = 1;
	unlock_page(fault_page);
	/* page->mapping is read again after the unlock (truncate may clear
	 * it meanwhile); a later fix kept a local copy taken before it. */
	if ((dirtied || vma->vm_ops->page_mkwrite) && fault_page->mapping) {
		/* Some drivers dirty pages that have no mapping. */
		balance_dirty_pages_ratelimited(fault_page->mapping);
	}

	/* Outside the page lock. */
	if (vma->vm_file && !vma->vm_ops->page_mkwrite)
		file_update_time(vma->vm_file);

	return ret;
}

/* model: mm/memory.c do_linear_fault(), -mm of March 2014 (read in 3.15.5 without the research fork's apriori arguments); simplified: nothing dropped */
static int do_linear_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long address, pte_t *page_table, pmd_t *pmd,
		unsigned int flags, pte_t orig_pte)
{
	pgoff_t pgoff = (((address & PAGE_MASK)
			- vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;

	/* Entered with the PTE mapped but not locked. */
	pte_unmap(page_table);
	if (!(flags & FAULT_FLAG_WRITE))
		return do_read_fault(mm, vma, address, pmd, pgoff, flags,
				orig_pte);
	if (!(vma->vm_flags & VM_SHARED))
		return do_cow_fault(mm, vma, address, pmd, pgoff, flags,
				orig_pte);
	return do_shared_fault(mm, vma, address, pmd, pgoff, flags, orig_pte);
}
