/// The names that are types. C cannot be parsed without knowing them (`(pte_t)x` is a cast,
/// `(pte)x` is not), and model files do not include the headers that declare them, so the table
/// starts with the kernel's common typedefs and learns the file's own `typedef`s as it goes.
struct TypedefTable: Sendable {
    /// Typedefs from include/linux/types.h, include/linux/mm_types.h, asm/pgtable_types.h and
    /// friends that mm/ code declares variables with.
    static let kernel: Set<String> = [
        // Page-table entries and offsets.
        "pte_t", "pmd_t", "pud_t", "p4d_t", "pgd_t", "pgprot_t", "pgoff_t", "pgtable_t", "pteval_t", "pmdval_t",
        // Allocation, faults, swap, atomics, locks.
        "gfp_t", "vm_fault_t", "vm_flags_t", "swp_entry_t", "atomic_t", "atomic64_t", "atomic_long_t", "refcount_t",
        "spinlock_t", "rwlock_t", "raw_spinlock_t", "seqcount_t", "seqlock_t", "wait_queue_head_t",
        "isolate_mode_t", "fmode_t", "zap_flags_t", "rmap_t", "cpumask_t", "nodemask_t", "pte_marker",
        // Fixed-width and C library integer types.
        "bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16", "__u32", "__u64",
        "__s8", "__s16", "__s32", "__s64", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int8_t", "int16_t",
        "int32_t", "int64_t", "size_t", "ssize_t", "loff_t", "off_t", "pid_t", "uid_t", "gid_t", "dev_t",
        "phys_addr_t", "dma_addr_t", "resource_size_t", "uintptr_t", "ptrdiff_t", "ktime_t", "sector_t",
        "blkcnt_t", "umode_t", "time64_t", "__le32", "__be32", "__le64", "__be64", "va_list", "__kernel_size_t",
    ]

    private var names: Set<String> = TypedefTable.kernel
    private var filter = TypedefTable.kernelFilter
    private static let kernelFilter = NameFilter(kernel)

    func contains(_ name: String) -> Bool { filter.mayContain(name) && names.contains(name) }

    mutating func insert(_ name: String) {
        names.insert(name)
        filter.insert(name)
    }
}
