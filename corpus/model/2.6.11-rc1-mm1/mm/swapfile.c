/*
 * mmreview model of mm/swapfile.c, Linux 2.6.11-rc1-mm1 (seed 003's base).
 *
 * Not kernel source: a small simplification written for the checker, read
 * against 2.6.11 final (Antonio-Zhou/Linux-2.6.11), where the seed's hunks
 * sit at the same lines (293, 316). The lines the hunks match are their own
 * context and removed lines, re-indented with tabs. One -mm1 difference
 * shows in the hunk context: swapper_space.tree_lock is taken with
 * write_lock_irq() (an rwlock in -mm), where 2.6.11 final has
 * spin_lock_irq().
 *
 * The swap cache holds one page reference and one swap_map count of the
 * page's entry; every swap PTE holds one more swap_map count.
 */

/* model: decl of mm/swapfile.c swap_info_get()/swap_info_put(), 2.6.11; get
 * returns the swap_info_struct of the entry with its swap_device_lock and
 * swaplock held (NULL for a bad entry); put releases them. */
static struct swap_info_struct * swap_info_get(swp_entry_t entry);
static void swap_info_put(struct swap_info_struct * p);

/* model: decl of mm/swap_state.c __delete_from_swap_cache(), 2.6.11; tree_lock
 * held. Removes the page from the swap cache and clears PageSwapCache; the
 * cache's page reference and swap_map count are dropped by the caller. */
void __delete_from_swap_cache(struct page *page);

/* model: decl of mm/swapfile.c swap_free(), 2.6.11; drops one swap_map count. */
void swap_free(swp_entry_t entry);

/* model: mm/swapfile.c exclusive_swap_page(), Linux 2.6.11-rc1-mm1 (read in 2.6.11 final; tree_lock as in the hunk); simplified: nothing dropped */
static int exclusive_swap_page(struct page *page)
{
	int retval = 0;
	struct swap_info_struct * p;
	swp_entry_t entry;

	/* Page locked by the caller. */
	entry.val = page->private;
	p = swap_info_get(entry);
	if (p) {
		/* Is the swap cache the entry's only user? */
		if (p->swap_map[swp_offset(entry)] == 1) {
			/* Recheck the page count with the swapcache lock held.. */
			write_lock_irq(&swapper_space.tree_lock);
			if (page_count(page) == 2)
				retval = 1;
			write_unlock_irq(&swapper_space.tree_lock);
		}
		swap_info_put(p);
	}
	return retval;
}

/* model: mm/swapfile.c can_share_swap_page(), Linux 2.6.11-rc1-mm1 (read in 2.6.11 final); simplified: nothing dropped */
/* Count-based: page_count 1 = our mapping only; 2 = mapping + swap cache;
 * 3 = mapping + swap cache + buffers (PagePrivate). Page locked. */
int can_share_swap_page(struct page *page)
{
	int retval = 0;

	if (!PageLocked(page))
		BUG();
	switch (page_count(page)) {
	case 3:
		if (!PagePrivate(page))
			break;
		/* Fallthrough */
	case 2:
		if (!PageSwapCache(page))
			break;
		retval = exclusive_swap_page(page);
		break;
	case 1:
		if (PageReserved(page))
			break;
		retval = 1;
	}
	return retval;
}

/*
 * Frees the swap cache's copy (entry and page reference) when nobody else
 * uses it; returns whether it did.
 */
/* model: mm/swapfile.c remove_exclusive_swap_page(), Linux 2.6.11-rc1-mm1 (read in 2.6.11 final); simplified: the BUG_ONs dropped; tree_lock taken as write_lock_irq like exclusive_swap_page's hunk context (derived, not quoted) */
int remove_exclusive_swap_page(struct page *page)
{
	int retval;
	struct swap_info_struct * p;
	swp_entry_t entry;

	/* Page locked by the caller, without buffers. */
	if (!PageSwapCache(page))
		return 0;
	if (PageWriteback(page))
		return 0;
	/* Only the caller's reference and the swap cache's. */
	if (page_count(page) != 2)
		return 0;

	entry.val = page->private;
	p = swap_info_get(entry);
	if (!p)
		return 0;

	/* Free it only if the swap cache is the entry's last user. */
	retval = 0;
	if (p->swap_map[swp_offset(entry)] == 1) {
		write_lock_irq(&swapper_space.tree_lock);
		if ((page_count(page) == 2) && !PageWriteback(page)) {
			__delete_from_swap_cache(page);
			SetPageDirty(page);
			retval = 1;
		}
		write_unlock_irq(&swapper_space.tree_lock);
	}
	swap_info_put(p);

	if (retval) {
		/* Drop the cache's swap_map count and page reference. */
		swap_free(entry);
		page_cache_release(page);
	}

	return retval;
}
