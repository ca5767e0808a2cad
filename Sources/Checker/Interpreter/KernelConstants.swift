/// Constants the model functions use, with the kernel values they have (include/linux/mm.h,
/// mm_types.h, errno.h; the values have been stable across the versions modelled unless noted).
enum KernelConstants {
    static let table: [String: Int64] = [
        // include/linux/mm.h vm_flags
        "VM_NONE": 0, "VM_READ": 0x1, "VM_WRITE": 0x2, "VM_EXEC": 0x4, "VM_SHARED": 0x8,
        "VM_MAYREAD": 0x10, "VM_MAYWRITE": 0x20, "VM_MAYEXEC": 0x40, "VM_MAYSHARE": 0x80,
        "VM_PFNMAP": 0x400, "VM_NOHUGEPAGE": 0x4000_0000, "VM_LOCKED": 0x2000, "VM_IO": 0x4000, "VM_DONTCOPY": 0x20000,
        "VM_HUGEPAGE": 0x2000_0000,
        // 2.6.11 include/linux/mm.h: "Don't unmap it from swap_out"
        "VM_RESERVED": 0x0008_0000,
        "VM_MIXEDMAP": 0x1000_0000, "VM_UFFD_WP": 0x1000, "VM_UFFD_MISSING": 0x200,
        // include/linux/mm_types.h vm_fault_t (v5.x values; VM_FAULT_COWED is the 2014 patch's)
        "VM_FAULT_OOM": 0x0001, "VM_FAULT_SIGBUS": 0x0002, "VM_FAULT_MAJOR": 0x0004, "VM_FAULT_WRITE": 0x0008,
        "VM_FAULT_HWPOISON": 0x0010, "VM_FAULT_HWPOISON_LARGE": 0x0020, "VM_FAULT_SIGSEGV": 0x0040,
        "VM_FAULT_COWED": 0x0080, "VM_FAULT_NOPAGE": 0x0100, "VM_FAULT_LOCKED": 0x0200, "VM_FAULT_RETRY": 0x0400,
        "VM_FAULT_FALLBACK": 0x0800, "VM_FAULT_DONE_COW": 0x1000, "VM_FAULT_NEEDDSYNC": 0x2000,
        "VM_FAULT_ERROR": 0x0001 | 0x0002 | 0x0040 | 0x0010 | 0x0020 | 0x0800,
        // 2.6.11's VM_FAULT_MINOR (1 there, with OOM -1, SIGBUS 0, MAJOR 2): the code of that era
        // only compares fault results for equality, so a value distinct from the others is kept.
        "VM_FAULT_MINOR": 0x4000,
        // include/linux/mm.h fault flags
        "FAULT_FLAG_WRITE": 0x01, "FAULT_FLAG_MKWRITE": 0x02, "FAULT_FLAG_ALLOW_RETRY": 0x04,
        "FAULT_FLAG_RETRY_NOWAIT": 0x08, "FAULT_FLAG_KILLABLE": 0x10, "FAULT_FLAG_TRIED": 0x20,
        // v6.5 include/linux/mm_types.h: vmf->orig_pte is valid
        "FAULT_FLAG_ORIG_PTE_VALID": 0x800,
        // include/linux/mm_types_task.h rss counters
        "MM_FILEPAGES": 0, "MM_ANONPAGES": 1, "MM_SWAPENTS": 2, "MM_SHMEMPAGES": 3, "NR_MM_COUNTERS": 4,
        // include/uapi/asm-generic/errno-base.h
        "EPERM": 1, "ENOENT": 2, "EINTR": 4, "EIO": 5, "EAGAIN": 11, "ENOMEM": 12, "EBUSY": 16,
        "EEXIST": 17, "EINVAL": 22, "EFAULT": 14,
        // Page geometry of x86-64 (4K pages, 512 PTEs per table).
        "PAGE_SHIFT": 12, "PAGE_SIZE": 4096, "PAGE_MASK": ~Int64(4095), "PMD_SHIFT": 21,
        "PMD_SIZE": 1 << 21, "PMD_MASK": ~Int64((1 << 21) - 1), "PTRS_PER_PTE": 512, "HPAGE_PMD_NR": 512,
        "HPAGE_PMD_ORDER": 9, "PAGE_ALLOC_COSTLY_ORDER": 3, "SWAP_CLUSTER_MAX": 32,
        // Allocation flags: only their identity matters to the model.
        "GFP_KERNEL": 0xCC0, "GFP_HIGHUSER_MOVABLE": 0x100CCA, "GFP_ATOMIC": 0xA20, "GFP_NOWAIT": 0x800,
        "__GFP_ZERO": 0x100,
        "true": 1, "false": 0, "NULL": 0,
        // mm/rmap.c try_to_unmap results (2.6.11)
        "SWAP_SUCCESS": 0, "SWAP_AGAIN": 1, "SWAP_FAIL": 2,
    ]

    static func value(_ name: String) -> Int64? { table[name] }
}
