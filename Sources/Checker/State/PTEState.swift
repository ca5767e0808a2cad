/// One page table entry in the abstract state.
public struct PTEState: Sendable, Hashable, Codable {
    public var present: Bool
    public var write: Bool
    public var dirty: Bool
    public var young: Bool
    public var softDirty: Bool
    public var uffdWP: Bool
    public var protNone: Bool
    /// The page it maps (index into `MMState.pages`), nil for none/swap PTEs.
    public var page: Int?
    /// pfn, for contiguity checks of PTE batches.
    public var pfn: Int
    /// Bumped whenever another CPU changes the entry, so `pte_same()` against an older copy fails.
    public var generation: Int
    /// A swap entry (not present, not none): the page is in swap or the swap cache.
    public var swap: Bool = false

    public init(
        present: Bool = true, write: Bool = false, dirty: Bool = false, young: Bool = true, softDirty: Bool = false,
        uffdWP: Bool = false, protNone: Bool = false, page: Int? = nil, pfn: Int = 0, generation: Int = 0
    ) {
        self.present = present
        self.write = write
        self.dirty = dirty
        self.young = young
        self.softDirty = softDirty
        self.uffdWP = uffdWP
        self.protNone = protNone
        self.page = page
        self.pfn = pfn
        self.generation = generation
    }

    public static let none = PTEState(present: false, write: false, young: false, page: nil, pfn: -1)

    /// include/linux/swapops.h swp_entry_to_pte(): the scenario's one swap entry.
    public static var swapEntry: PTEState {
        var p = PTEState(present: false, write: false, young: false, page: nil, pfn: -1)
        p.swap = true
        return p
    }

    public var summary: String {
        guard present else { return swap || page != nil ? "pte{swap}" : "pte{none}" }
        var f: [String] = ["pfn=\(pfn)"]
        if write { f.append("W") }
        if dirty { f.append("D") }
        if uffdWP { f.append("uffd-wp") }
        if protNone { f.append("protnone") }
        if softDirty { f.append("soft-dirty") }
        return "pte{\(f.joined(separator: " "))}"
    }
}
