/*
 * mmreview model of include/linux/mm.h, the -mm/linux-next tree of March
 * 2014 that Matthew Wilcox's DAX v7 series was posted against (seed 004;
 * index c1b7414). Not kernel source: only struct vm_fault and the
 * VM_FAULT_* codes, read against 3.14.1 (nadavitay/linux-3.14.1), which has
 * the same text here; the lines the seed's hunks match are the hunks' own
 * context lines, re-indented with tabs. v3.15 later added the ->map_pages
 * fields (max_pgoff, pte) to struct vm_fault: not in this base, because the
 * hunk shows 'struct page *page' as the last field's comment opening and
 * the base predates fault-around.
 */

/*
 * What the fault code hands a vma's ->fault (and ->page_mkwrite) handler.
 * The handler answers with VM_FAULT_* bits; unless it says NOPAGE (or an
 * error), it returns a referenced page in ->page, locked if it also says
 * LOCKED.
 */
/* model: include/linux/mm.h struct vm_fault, -mm of March 2014 (read in 3.14.1, nadavitay/linux-3.14.1); simplified: nothing dropped, comments ours except the hunk's */
struct vm_fault {
	unsigned int flags;		/* FAULT_FLAG_* */
	pgoff_t pgoff;			/* Logical page offset based on vma */
	void __user *virtual_address;	/* Faulting virtual address */

	struct page *page;		/* ->fault handlers should return a
					 * page here, unless VM_FAULT_NOPAGE
					 * is set (which is also implied by
					 * VM_FAULT_ERROR).
					 */
};

/*
 * Fault results. The low bits are errors or accounting hints; NOPAGE,
 * LOCKED and RETRY describe what the handler did with the page and locks.
 */
/* model: include/linux/mm.h VM_FAULT_* codes, -mm of March 2014 (read in 3.14.1); simplified: VM_FAULT_SET_HINDEX/GET_HINDEX dropped */
#define VM_FAULT_MINOR	0 /* old name for "no flags" */

#define VM_FAULT_OOM	0x0001
#define VM_FAULT_SIGBUS	0x0002
#define VM_FAULT_MAJOR	0x0004
#define VM_FAULT_WRITE	0x0008	/* the PTE was made writable (for GUP) */
#define VM_FAULT_HWPOISON 0x0010	/* Hit poisoned small page */
#define VM_FAULT_HWPOISON_LARGE 0x0020  /* Hit poisoned large page. Index encoded in upper bits */

#define VM_FAULT_NOPAGE	0x0100	/* ->fault installed the pte, not return page */
#define VM_FAULT_LOCKED	0x0200	/* ->fault locked the returned page */
#define VM_FAULT_RETRY	0x0400	/* ->fault blocked, must retry */
#define VM_FAULT_FALLBACK 0x0800	/* huge page fault failed, use small pages */

#define VM_FAULT_HWPOISON_LARGE_MASK 0xf000 /* hstate index of a poisoned huge page */

#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_HWPOISON | \
			 VM_FAULT_FALLBACK | VM_FAULT_HWPOISON_LARGE)
