import CFrontEnd

/// Kernel helper macros kept as calls by the front end (include/linux/minmax.h, align.h,
/// kernel.h): pure arithmetic.
enum ArithmeticBuiltins {
    static func register(_ r: inout BuiltinRegistry) {
        func ints(_ m: Machine, _ a: [CExpr]) throws -> [Int64]? {
            let v = try m.values(a)
            let xs = v.compactMap(\.intValue)
            return xs.count == v.count ? xs : nil
        }
        r.add(["min", "min_t"], models: "include/linux/minmax.h min()", pure: true) { m, a in
            guard let x = try ints(m, a.suffix(2)) else { return .unknown("min") }
            return .int(x.min() ?? 0)
        }
        r.add(["max", "max_t"], models: "include/linux/minmax.h max()", pure: true) { m, a in
            guard let x = try ints(m, a.suffix(2)) else { return .unknown("max") }
            return .int(x.max() ?? 0)
        }
        r.add("ALIGN_DOWN", models: "include/linux/align.h ALIGN_DOWN(x, a)", pure: true) { m, a in
            guard let x = try ints(m, a), x.count == 2, x[1] > 0 else { return .unknown("ALIGN_DOWN") }
            return .int(x[0] & ~(x[1] - 1))
        }
        r.add("ALIGN", models: "include/linux/align.h ALIGN(x, a)", pure: true) { m, a in
            guard let x = try ints(m, a), x.count == 2, x[1] > 0 else { return .unknown("ALIGN") }
            return .int((x[0] + x[1] - 1) & ~(x[1] - 1))
        }
        r.add("IS_ALIGNED", models: "include/linux/align.h IS_ALIGNED(x, a)", pure: true) { m, a in
            guard let x = try ints(m, a), x.count == 2, x[1] > 0 else { return .unknown("IS_ALIGNED") }
            return .int(x[0] & (x[1] - 1) == 0 ? 1 : 0)
        }
        r.add("ilog2", models: "include/linux/log2.h ilog2()", pure: true) { m, a in
            guard let x = try ints(m, a), let v = x.first, v > 0 else { return .unknown("ilog2") }
            return .int(Int64(63 - v.leadingZeroBitCount))
        }
        // arch_wants_pte_order(), the seed's v3 2/4: -1 (no preference) on x86.
        r.add("arch_wants_pte_order", models: "arch_wants_pte_order() (seed 001's series, 2/4): -1 on x86", pure: true)
        { _, _ in .int(-1) }
        // mm/huge_memory.c hugepage_vma_check()/hugepage_flags_enabled(), v6.5: THP policy of the
        // vma and the system: either way.
        r.add(
            ["hugepage_vma_check", "hugepage_flags_enabled", "test_bit", "transparent_hugepage_enabled"],
            models: "mm/huge_memory.c hugepage_vma_check(), v6.5: THP policy, either way"
        ) { m, a in
            _ = try m.values(a)
            return .int(Int64(m.choose(2, "THP policy allows large folios here")))
        }
        r.add(
            "vma_thp_gfp_mask", models: "mm/huge_memory.c vma_thp_gfp_mask(), v6.5: the defrag policy's gfp mask",
            pure: true
        ) { _, _ in
            .int(KernelConstants.table["GFP_HIGHUSER_MOVABLE"]!)
        }
        r.add(
            ["userfaultfd_wp", "userfaultfd_missing", "userfaultfd_armed"],
            models: "include/linux/userfaultfd_k.h userfaultfd_wp(): the scenarios register no userfaultfd", pure: true
        ) { _, _ in .int(0) }
        r.add(
            "is_cow_mapping",
            models: "include/linux/mm.h is_cow_mapping(): (flags & (VM_SHARED|VM_MAYWRITE)) == VM_MAYWRITE", pure: true
        ) { m, a in
            guard let f = try m.eval(a[0]).intValue else { return .unknown("is_cow_mapping") }
            return .int(f & (0x8 | 0x20) == 0x20 ? 1 : 0)
        }
    }
}
