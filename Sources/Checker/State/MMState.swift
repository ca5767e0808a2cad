/// The abstract mm state one path runs over: pages, PTEs, locks, rss counters, and what other
/// CPUs did. Value type: forking a path copies it.
public struct MMState: Sendable, Hashable, Codable {
    public var pages: [PageState] = []
    public var ptes: [PTEState] = []
    /// Locks held by this path, by name (`ptl`, `page3`, `i_mmap_mutex`...), with their kind.
    public var held: [String: LockKind] = [:]
    /// Inside pte_offset_map() .. pte_unmap() (an RCU read-side section from v6.5).
    public var pteMapDepth = 0
    /// rss counters by name (`MM_ANONPAGES`, `MM_FILEPAGES`...), relative to the start.
    public var rss: [String: Int] = [:]
    /// References this path holds, per page (get_page/folio_get minus put_page/folio_put).
    public var ownRefs: [Int: Int] = [:]
    /// Pages whose pointer the path stored in memory (an out-parameter, a record) or returned:
    /// a reference it holds on such a page may be handed on to the caller.
    public var escaped: Set<Int> = []
    /// For fork scenarios: how many PTEs from the start address lie before `end`.
    public var spanPages: Int?

    public init() {}

    public enum LockKind: String, Sendable, Hashable, Codable {
        case spin
        case pageLock = "page-lock"
        case mutex
        case rwsemRead = "rwsem-read"
        case rwsemWrite = "rwsem-write"
        case rcu
    }

    public var summary: String {
        var parts = pages.map(\.summary)
        parts += ptes.enumerated().map { "pte\($0.offset)=\($0.element.summary)" }
        if !held.isEmpty { parts.append("held: " + held.keys.sorted().joined(separator: ", ")) }
        let r = rss.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map {
            "\($0.key)\($0.value >= 0 ? "+" : "")\($0.value)"
        }
        if !r.isEmpty { parts.append("rss " + r.joined(separator: " ")) }
        return parts.joined(separator: "; ")
    }
}

extension MMState {
    /// pfn of page n's first subpage: pages sit 1024 pfns apart, so batches never run together.
    static func pfnBase(_ n: Int) -> Int { 1024 * (n + 1) }

    /// The page whose subpages include `pfn`.
    func pageIndex(ofPFN pfn: Int) -> Int? {
        pages.indices.first { pfn >= Self.pfnBase($0) && pfn < Self.pfnBase($0) + pages[$0].nrPages }
    }
}
