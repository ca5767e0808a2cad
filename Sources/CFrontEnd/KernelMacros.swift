/// The kernel macros mm/ code uses without including their headers (the model files include
/// nothing, and `#include` is not followed).
///
/// The rule: what only helps the compiler (branch hints, attributes, address-space tags, volatile
/// accesses) or is a constant expands to plain C; a kernel API whose meaning the checker models
/// (assertions, warnings, `min`/`max`, alignment) is NOT a macro here, so the interpreter sees a
/// call to it by name, with each argument evaluated once, as the kernel's own definitions promise.
/// A caller wanting them expanded passes definitions in `CConfiguration.macros`.
public enum KernelMacros {
    /// `#define` bodies, each with the kernel definition it stands for.
    public static let definitions: [(definition: String, standsFor: String)] = [
        ("likely(x) (x)", "include/linux/compiler.h: __builtin_expect(!!(x), 1), a branch-layout hint"),
        ("unlikely(x) (x)", "include/linux/compiler.h: __builtin_expect(!!(x), 0), a branch-layout hint"),
        ("READ_ONCE(x) (x)", "include/asm-generic/rwonce.h: one volatile load of x, not torn or refetched"),
        ("WRITE_ONCE(x, val) ((x) = (val))", "include/asm-generic/rwonce.h: one volatile store of val to x"),
        ("min_t(type, x, y) min((type)(x), (type)(y))", "include/linux/minmax.h: min of x and y, both cast to type"),
        ("max_t(type, x, y) max((type)(x), (type)(y))", "include/linux/minmax.h: max of x and y, both cast to type"),
        ("BIT(nr) (1UL << (nr))", "include/vdso/bits.h: BIT(nr) is UL(1) << (nr)"),
        ("__always_inline inline", "include/linux/compiler_types.h: inline __attribute__((__always_inline__))"),
        ("noinline", "include/linux/compiler_attributes.h: __attribute__((__noinline__))"),
        ("inline inline", "include/linux/compiler_types.h: inline plus gnu_inline/notrace; the keyword is enough"),
        ("notrace", "include/linux/compiler_types.h: __attribute__((__no_instrument_function__))"),
        ("__user", "include/linux/compiler_types.h: sparse address space 1 (user memory)"),
        ("__iomem", "include/linux/compiler_types.h: sparse address space 2 (I/O memory)"),
        ("__rcu", "include/linux/compiler_types.h: sparse address space __rcu (RCU-protected pointer)"),
        ("__percpu", "include/linux/compiler_types.h: sparse address space 3 (per-CPU data)"),
        ("__force", "include/linux/compiler_types.h: sparse: the cast may change address space"),
        ("__bitwise", "include/linux/compiler_types.h: sparse: a restricted integer type"),
        ("__must_check", "include/linux/compiler_attributes.h: __attribute__((__warn_unused_result__))"),
        ("__maybe_unused", "include/linux/compiler_attributes.h: __attribute__((__unused__))"),
        ("__always_unused", "include/linux/compiler_attributes.h: __attribute__((__unused__))"),
        ("__cold", "include/linux/compiler_attributes.h: __attribute__((__cold__))"),
        ("__weak", "include/linux/compiler_attributes.h: __attribute__((__weak__))"),
        ("__init", "include/linux/init.h: placed in .init.text, freed after boot"),
        ("__read_mostly", "include/linux/cache.h: placed in .data..read_mostly"),
        (
            "fallthrough",
            "include/linux/compiler_attributes.h: __attribute__((__fallthrough__)); `fallthrough;` is then `;`"
        ),
        ("PAGE_SHIFT 12", "arch/x86/include/asm/page_types.h: 4 KiB pages"),
        ("PAGE_SIZE (1UL << PAGE_SHIFT)", "arch/x86/include/asm/page_types.h: _AC(1,UL) << PAGE_SHIFT"),
        ("PAGE_MASK (~(PAGE_SIZE - 1))", "arch/x86/include/asm/page_types.h: ~(PAGE_SIZE-1)"),
        ("PMD_SHIFT 21", "arch/x86/include/asm/pgtable_64_types.h: one PMD maps 2 MiB"),
        ("PMD_SIZE (1UL << PMD_SHIFT)", "arch/x86/include/asm/pgtable_64_types.h: _AC(1, UL) << PMD_SHIFT"),
        ("PMD_MASK (~(PMD_SIZE - 1))", "arch/x86/include/asm/pgtable_64_types.h: ~(PMD_SIZE - 1)"),
        ("HPAGE_PMD_ORDER (PMD_SHIFT - PAGE_SHIFT)", "include/linux/huge_mm.h: order of a PMD-mapped THP"),
        ("HPAGE_PMD_NR (1 << HPAGE_PMD_ORDER)", "include/linux/huge_mm.h: pages in a PMD-mapped THP"),
        ("PAGE_ALLOC_COSTLY_ORDER 3", "include/linux/mmzone.h: orders above this are costly to allocate"),
        ("SZ_4K 0x00001000", "include/linux/sizes.h"),
        ("SZ_16K 0x00004000", "include/linux/sizes.h"),
        ("SZ_64K 0x00010000", "include/linux/sizes.h"),
        ("SZ_2M 0x00200000", "include/linux/sizes.h"),
        ("NULL ((void *)0)", "include/linux/stddef.h: ((void *)0)"),
        ("true 1", "include/linux/stddef.h: enum { false = 0, true = 1 }"),
        ("false 0", "include/linux/stddef.h: enum { false = 0, true = 1 }"),
    ]

    /// Kernel APIs deliberately left undefined so that they reach the interpreter as calls.
    public static let keptAsCalls: [(name: String, standsFor: String)] = [
        ("BUG", "include/asm-generic/bug.h: oops here; the path ends"),
        ("BUG_ON", "include/asm-generic/bug.h: if (unlikely(condition)) BUG()"),
        ("VM_BUG_ON", "include/linux/mmdebug.h: BUG_ON(cond) with CONFIG_DEBUG_VM, else only type-checked"),
        ("VM_BUG_ON_PAGE", "include/linux/mmdebug.h: VM_BUG_ON(cond), dumping the page first"),
        ("VM_BUG_ON_FOLIO", "include/linux/mmdebug.h: VM_BUG_ON(cond), dumping the folio first"),
        ("VM_WARN_ON", "include/linux/mmdebug.h: WARN_ON(cond) with CONFIG_DEBUG_VM; value of cond"),
        ("VM_WARN_ON_ONCE", "include/linux/mmdebug.h: WARN_ON_ONCE(cond) with CONFIG_DEBUG_VM; value of cond"),
        ("WARN_ON", "include/asm-generic/bug.h: warn if cond, and evaluate to !!cond"),
        ("WARN_ON_ONCE", "include/asm-generic/bug.h: WARN_ON the first time only; evaluates to !!cond"),
        ("unreachable", "include/linux/compiler.h: __builtin_unreachable(); no path reaches here"),
        ("min", "include/linux/minmax.h: the smaller of x and y, each evaluated once"),
        ("max", "include/linux/minmax.h: the larger of x and y, each evaluated once"),
        ("ALIGN", "include/linux/align.h: x rounded up to a multiple of a (a power of 2)"),
        ("ALIGN_DOWN", "include/linux/align.h: x rounded down to a multiple of a (a power of 2)"),
        ("IS_ALIGNED", "include/linux/align.h: ((x) & ((typeof(x))(a) - 1)) == 0"),
        ("ARRAY_SIZE", "include/linux/array_size.h: number of elements of an array"),
    ]

    /// Function annotations (sparse lock contexts) left as written between a signature and its
    /// body; the parser puts them in `CFunction.annotations`.
    public static let annotations: [(name: String, standsFor: String)] = [
        ("__releases", "include/linux/compiler_types.h: sparse context(x, 1, 0): the function drops lock x"),
        ("__acquires", "include/linux/compiler_types.h: sparse context(x, 0, 1): the function takes lock x"),
        ("__must_hold", "include/linux/compiler_types.h: sparse context(x, 1, 1): x held on entry and exit"),
    ]

    /// `IS_ENABLED(CONFIG_X)` and friends are evaluated by the preprocessor itself against the
    /// configuration (include/linux/kconfig.h); they are not ordinary macros.
    static let configurationTests: Set<String> = ["IS_ENABLED", "IS_BUILTIN", "IS_MODULE", "IS_REACHABLE"]

    /// The built-in table, built once.
    static let table: MacroTable = {
        var table = MacroTable()
        for entry in definitions {
            // The entries are ours and well formed; a broken one would show up in every test.
            _ = table.define(source: entry.definition, file: "<built-in>")
        }
        return table
    }()
}
