import CFrontEnd

/// One starting point for a function: the initial mm state and how its arguments are made.
struct Scenario {
    var name: String
    var initial: MMState
    var pteMapCanFail: Bool
    /// Builds the arguments (fault context, vma, page pointers...) in a fresh machine.
    var setup: (Machine) -> [Value]
}

/// What a kernel function may assume on entry and must leave on exit, by name: its callers'
/// contract, from the kernel version modelled (each entry cites where that contract is written).
struct EntryContract {
    enum PageRole { case anonFaulting, swapCachePage, mappedPage, largeFolio, emptyRange, swapEntry, reclaim, none }
    var models: String
    /// Locks held on entry (`ptl`, `page0`) and those the function must have released on exit.
    var heldOnEntry: [String: MMState.LockKind]
    var releasedOnExit: Set<String>
    var page: PageRole
    /// A true return value means "reuse the page in place" (can_share_swap_page()).
    var returnTrueReuses: Bool
    /// The PTE is mapped (pte_offset_map) on entry and must be unmapped on exit.
    var pteMappedOnEntry = false
    /// The caller read the entry (`orig_pte`) without the PTL, so it may have changed by the time
    /// the function first takes the PTL (as after a drop and retake).
    var pteReadWithoutPTL = false
    /// Locks the function may return holding, taken by it or a callee (a documented hand-off to
    /// its caller). Any other lock still held on return is a violation, not a hand-off.
    var handsOn: Set<String> = []

    static let table: [String: EntryContract] = [
        // mm/memory.c handle_pte_fault() -> do_wp_page(), v5.8: the PTE is mapped and locked,
        // vmf->orig_pte is the present read-only entry; __releases(vmf->ptl).
        "do_wp_page": EntryContract(
            models: "mm/memory.c handle_pte_fault() calling do_wp_page(), v5.8",
            heldOnEntry: ["ptl": .spin], releasedOnExit: ["ptl"], page: .anonFaulting, returnTrueReuses: false),
        // mm/memory.c do_wp_page() calling can_share_swap_page(), 2.6.11: page locked
        // (TestSetPageLocked), PTL held; a true answer makes do_wp_page reuse the page in place.
        "can_share_swap_page": EntryContract(
            models: "mm/memory.c do_wp_page() calling can_share_swap_page(), 2.6.11",
            heldOnEntry: ["ptl": .spin, "page0": .pageLock], releasedOnExit: [], page: .swapCachePage,
            returnTrueReuses: true),
        // mm/memory.c do_linear_fault() -> do_cow_fault(), -mm of March 2014: entered with the
        // PTE unmapped and unlocked (mmap_sem held for read); returns with no lock held, except
        // as its callee's contract says.
        "do_cow_fault": EntryContract(
            models: "mm/memory.c do_linear_fault() calling do_cow_fault(), -mm 2014-03",
            heldOnEntry: [:], releasedOnExit: [], page: .none, returnTrueReuses: false,
            // handle_pte_fault() read the entry locklessly (`entry = *pte` before taking the
            // PTL, 3.14), so do_cow_fault()'s pte_same() may fail.
            pteReadWithoutPTL: true),
        // mm/memory.c do_linear_fault() -> do_read_fault()/do_shared_fault(), -mm 2014-03 (read
        // in 3.15.5): the same entry as do_cow_fault(): PTE unmapped, no lock, orig_pte read
        // locklessly by handle_pte_fault().
        "do_read_fault": EntryContract(
            models: "mm/memory.c do_linear_fault() calling do_read_fault(), -mm 2014-03",
            heldOnEntry: [:], releasedOnExit: [], page: .none, returnTrueReuses: false, pteReadWithoutPTL: true),
        "do_shared_fault": EntryContract(
            models: "mm/memory.c do_linear_fault() calling do_shared_fault(), -mm 2014-03",
            heldOnEntry: [:], releasedOnExit: [], page: .none, returnTrueReuses: false, pteReadWithoutPTL: true),
        // mm/memory.c copy_pte_range() -> copy_present_ptes(), v6.7 with the seed's v3 01/15: the
        // source PTE is present and maps (part of) a folio; both PTLs are held by the caller
        // (lock balance is copy_pte_range()'s to show).
        "copy_present_ptes": EntryContract(
            models: "mm/memory.c copy_pte_range() calling copy_present_ptes(), v6.7 + v3 01/15",
            heldOnEntry: [:], releasedOnExit: [], page: .largeFolio, returnTrueReuses: false),
        // mm/memory.c copy_pmd_range() -> copy_pte_range(), v6.7 with the seed's v3 01/15: fork
        // (dup_mmap) holds both mms' mmap_lock for write; no PTL on entry, both released on exit.
        "copy_pte_range": EntryContract(
            models: "mm/memory.c copy_pmd_range() calling copy_pte_range(), v6.7 + v3 01/15",
            heldOnEntry: [:], releasedOnExit: [], page: .largeFolio, returnTrueReuses: false),
        "folio_nr_pages_cont_mapped": EntryContract(
            models: "mm/memory.c copy_present_ptes() calling folio_nr_pages_cont_mapped(), v3 01/15",
            heldOnEntry: [:], releasedOnExit: [], page: .largeFolio, returnTrueReuses: false),
        // mm/memory.c do_anonymous_page() -> alloc_anon_folio(), the seed's v3 3/4 on v6.5: a
        // write fault on a none PTE, the PTE not mapped (vmf->pte NULL), mmap_lock (or the vma
        // lock) held for read.
        "alloc_anon_folio": EntryContract(
            models: "mm/memory.c do_anonymous_page() calling alloc_anon_folio(), v6.5 + v3 3/4",
            heldOnEntry: [:], releasedOnExit: [], page: .emptyRange, returnTrueReuses: false),
        // mm/memory.c handle_pte_fault() -> do_swap_page(), 2.6.11: mm->page_table_lock held and
        // the PTE mapped; the entry is a swap PTE; both are released before returning.
        "do_swap_page": EntryContract(
            models: "mm/memory.c handle_pte_fault() calling do_swap_page(), 2.6.11",
            heldOnEntry: ["ptl": .spin], releasedOnExit: ["ptl"], page: .swapEntry, returnTrueReuses: false,
            pteMappedOnEntry: true),
        // mm/rmap.c try_to_unmap_anon() -> try_to_unmap_one(), 2.6.11: reclaim (shrink_list) holds
        // the page lock and the reference it took isolating the page; add_to_swap() put an anon
        // page in the swap cache first. No PTL on entry; the function takes and drops it.
        "try_to_unmap_one": EntryContract(
            models: "mm/vmscan.c shrink_list() -> try_to_unmap() -> try_to_unmap_one(), 2.6.11",
            heldOnEntry: ["page0": .pageLock], releasedOnExit: [], page: .reclaim, returnTrueReuses: false),
        "exclusive_swap_page": EntryContract(
            models: "mm/swapfile.c can_share_swap_page() calling exclusive_swap_page(), 2.6.11",
            heldOnEntry: ["ptl": .spin, "page0": .pageLock], releasedOnExit: [], page: .swapCachePage,
            returnTrueReuses: true),
    ]
}

/// Starting states: every combination of the relevant counts and flags in a small domain that
/// satisfies the model's own invariants (refcount = mappings + pins + swap cache + other refs).
enum ScenarioBuilder {
    static func scenarios(for f: CFunction, contract: EntryContract?, pteMapCanFail: Bool) -> [Scenario] {
        let role = contract?.page ?? .mappedPage
        if role == .largeFolio { return largeFolioScenarios(f, contract: contract) }
        if role == .emptyRange { return emptyRangeScenarios(f, pteMapCanFail: pteMapCanFail) }
        if role == .swapEntry { return swapEntryScenarios(f) }
        if role == .reclaim { return reclaimScenarios(f) }
        var out: [Scenario] = []
        for mapcount in 1...2 {
            for pins in 0...1 {
                for other in 0...1 {
                    for ksm in [false, true] {
                        for swapCache in [false, true] {
                            for swapcount in 0...1 {
                                if ksm && pins > 0 { continue }  // GUP on a KSM page breaks KSM first
                                if swapcount > 0 && !swapCache { continue }
                                if role == .swapCachePage && ksm { continue }
                                if role != .swapCachePage && role != .anonFaulting && (swapCache || ksm) { continue }
                                var page = PageState(id: 0, mapcount: mapcount, pins: pins, swapcount: swapcount)
                                page.flags = [.anon]
                                if ksm { page.flags.insert(.ksm) }
                                if swapCache { page.flags.insert(.swapCache) }
                                page.refcount = mapcount + pins + (swapCache ? 1 : 0) + other
                                out.append(
                                    make(f, contract: contract, page: page, other: other, pteMapCanFail: pteMapCanFail))
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    static func make(_ f: CFunction, contract: EntryContract?, page: PageState, other: Int, pteMapCanFail: Bool)
        -> Scenario
    {
        var s = MMState()
        var p = page
        for (lock, kind) in contract?.heldOnEntry ?? [:] {
            s.held[lock] = kind
            if kind == .pageLock { p.flags.insert(.locked) }
        }
        s.pages = [p]
        s.ptes = [PTEState(present: true, write: false, dirty: false, young: true, page: 0, pfn: MMState.pfnBase(0))]
        s.pteMapDepth = (s.held["ptl"] != nil || contract?.pteMappedOnEntry == true) ? 1 : 0
        let name = page.summary + (other > 0 ? " (\(other) other reference)" : "")
        let readWithoutPTL = contract?.pteReadWithoutPTL == true
        return Scenario(name: name, initial: s, pteMapCanFail: pteMapCanFail) { m in
            if readWithoutPTL { m.droppedLocks.insert("ptl") }
            return arguments(f, m)
        }
    }

    /// Fork over a large folio: an order-2 anon folio mapped by 4 present PTEs (or an order-0
    /// page), writable or not, with no pinned subpage, the first pinned, or a later one pinned
    /// (page_try_dup_anon_rmap() then refuses part-way through a batch); `end` at the folio's end
    /// or half-way through it.
    static func largeFolioScenarios(_ f: CFunction, contract: EntryContract?) -> [Scenario] {
        var out: [Scenario] = []
        for order in [0, 2] {
            let nr = 1 << order
            for pinned in order == 0 ? [[], [0]] : [[], [0], [2]] as [[Int]] {
                for writable in [false, true] {
                    for span in order == 0 ? [1] : [nr, 2] {
                        var s = MMState()
                        var p = PageState(
                            id: 0, refcount: nr, mapcount: nr, order: order, flags: [.anon, .anonExclusive])
                        p.pinnedSubpages = Set(pinned)
                        if order > 0 { p.exclusiveSubpages = Set(0..<nr) }
                        if order == 0 && !pinned.isEmpty {
                            p.pins = 1
                            p.refcount += 1
                        }
                        if order > 0 { p.refcount += pinned.count }
                        s.pages = [p]
                        s.spanPages = span
                        s.ptes = (0..<nr).map { i in
                            PTEState(
                                present: true, write: writable, dirty: i == 0, page: 0, pfn: MMState.pfnBase(0) + i)
                        }
                        var name = "\(p.summary) pinned subpages \(pinned) span \(span)"
                        // uffd-wp on part of the folio (userfaultfd write-protected one page): a
                        // batch must stop there when the child keeps uffd-wp (v6.7 copy_present_pte()).
                        if order > 0 && pinned.isEmpty && !writable && span == nr {
                            s.ptes[2].uffdWP = true
                            name += ", uffd-wp on PTE 2"
                        }
                        out.append(
                            Scenario(name: name, initial: s, pteMapCanFail: false) { m in
                                var args = arguments(f, m)
                                // `end`: the batch may not run past it.
                                for (k, param) in f.parameters.enumerated() where param.name == "end" {
                                    args[k] = .int(m.scenarioBaseAddress + Int64(span) * 4096)
                                }
                                return args
                            })
                    }
                }
            }
        }
        return out
    }

    /// A fault on a swap PTE: the page is still in the swap cache (perhaps mapped by another
    /// process, perhaps with a second swap PTE elsewhere, perhaps pinned or referenced), or it has
    /// to be read in (read_swap_cache_async() makes it).
    static func swapEntryScenarios(_ f: CFunction) -> [Scenario] {
        var out: [Scenario] = []
        func add(_ pages: [PageState], _ name: String) {
            var s = MMState()
            s.held["ptl"] = .spin
            s.pteMapDepth = 1
            s.pages = pages
            s.ptes = [.swapEntry]
            out.append(Scenario(name: name, initial: s, pteMapCanFail: false) { m in arguments(f, m) })
        }
        add([], "swap PTE, page not in the swap cache")
        for mapcount in 0...1 {
            for otherSwapPTE in 0...1 {
                for pins in 0...mapcount {
                    for other in 0...1 {
                        var p = PageState(id: 0, mapcount: mapcount, pins: pins, swapcount: 1 + otherSwapPTE)
                        p.flags = mapcount > 0 ? [.anon, .swapCache] : [.swapCache]
                        p.refcount = 1 + mapcount + pins + other
                        add([p], "swap PTE, " + p.summary + (other > 0 ? " (\(other) other reference)" : ""))
                    }
                }
            }
        }
        return out
    }

    /// Reclaim unmapping an anon page from one vma: locked, in the swap cache, held by reclaim's
    /// reference; mapped here (and perhaps elsewhere), perhaps pinned, the PTE young or not.
    static func reclaimScenarios(_ f: CFunction) -> [Scenario] {
        var out: [Scenario] = []
        for mapcount in 1...2 {
            for pins in 0...1 {
                for young in [false, true] {
                    var s = MMState()
                    s.held["page0"] = .pageLock
                    // Reclaim's own reference (isolate_lru_page) keeps the page alive throughout.
                    s.ownRefs[0] = 1
                    var p = PageState(id: 0, mapcount: mapcount, pins: pins, swapcount: 0)
                    p.flags = [.anon, .swapCache, .locked]
                    p.refcount = mapcount + pins + 1 + 1
                    s.pages = [p]
                    s.ptes = [
                        PTEState(
                            present: true, write: true, dirty: true, young: young, page: 0, pfn: MMState.pfnBase(0))
                    ]
                    let name = p.summary + (young ? ", PTE young" : "") + " (reclaim's reference)"
                    out.append(Scenario(name: name, initial: s, pteMapCanFail: false) { m in arguments(f, m) })
                }
            }
        }
        return out
    }

    /// An anonymous fault on a none PTE: 16 PTEs around it, all none, or one neighbour present
    /// (a large folio must then not cover it).
    static func emptyRangeScenarios(_ f: CFunction, pteMapCanFail: Bool) -> [Scenario] {
        var out: [Scenario] = []
        for neighbour in [nil, 3] as [Int?] {
            var s = MMState()
            s.pages = [PageState(id: 0, refcount: 1, mapcount: 1, flags: [.anon])]
            s.ptes = (0..<16).map { i in
                i == neighbour ? PTEState(present: true, page: 0, pfn: MMState.pfnBase(0)) : .none
            }
            out.append(
                Scenario(
                    name: "none PTEs\(neighbour.map { ", PTE \($0) present" } ?? "")", initial: s,
                    pteMapCanFail: pteMapCanFail
                ) { m in
                    let args = arguments(f, m)
                    // The fault is at PTE 0; vmf->pte is not mapped yet.
                    for a in args {
                        if case .pointer(let p) = a, p.object.raw < m.heap.count,
                            case .record("vm_fault", _) = m.heap[p.object.raw]
                        {
                            try? m.store(p.appending(.field("pte")), .null)
                            try? m.store(p.appending(.field("orig_pte")), .pte(.none))
                        }
                    }
                    return args
                })
        }
        return out
    }

    /// Arguments by parameter type: a fault context, a vma, the page, the PTE...
    static func arguments(_ f: CFunction, _ m: Machine) -> [Value] {
        let vma = m.record(
            type: "vm_area_struct",
            [
                "vm_flags": .int(0x1 | 0x2 | 0x10 | 0x20), "vm_start": .int(m.scenarioBaseAddress),
                "vm_end": .int(m.scenarioBaseAddress + 0x20_0000),
                // mm->rss: 2.6.11's count of mapped pages (the scenario's and others').
                "vm_mm": m.record(type: "mm_struct", ["rss": .int(8), "anon_rss": .int(8)]),
                "vm_page_prot": .int(0), "anon_vma": m.record(type: "anon_vma", [:]),
                "vm_ops": m.record(
                    type: "vm_operations_struct",
                    ["fault": .function("->fault"), "page_mkwrite": .function("->page_mkwrite")]),
                "vm_file": m.record(type: "file", ["f_mapping": m.record(type: "address_space", [:])]),
            ])
        let pte = m.ptePointer(address: .int(m.scenarioBaseAddress))
        let vmf = m.record(
            type: "vm_fault",
            [
                "vma": vma, "address": .int(m.scenarioBaseAddress), "flags": .int(0x01), "pte": pte,
                "orig_pte": .pte(m.state.ptes[0]), "ptl": m.ptlPointer, "pmd": m.record(type: "pmd", [:]),
                "page": .null,
                "pgoff": .int(0),
            ])
        if case .pointer(let v) = vma, case .pointer(let mm)? = try? m.load(.pointer(v.appending(.field("vm_mm")))) {
            m.primaryMM = mm.object
        }
        var vmas = 0
        var dstMM: Value?
        // Fork passes the destination vma before the PTE pointers that need its table.
        return f.parameters.map { p in
            switch p.type {
            case .pointer(.tagged(_, "vm_fault")): return vmf
            case .pointer(.tagged(_, "vm_area_struct")):
                // Fork's functions take the destination vma first and the source second: the
                // one whose PTEs map the scenario's page is `src_vma`; any other gets its own mm.
                vmas += 1
                let isSource = (p.name ?? "").hasPrefix("src") || (vmas == 1 && !(p.name ?? "").hasPrefix("dst"))
                if isSource { return vma }
                let mm = m.record(type: "mm_struct", [:])
                dstMM = mm
                return m.record(
                    type: "vm_area_struct",
                    [
                        "vm_flags": .int(0x1 | 0x2 | 0x10 | 0x20), "vm_start": .int(m.scenarioBaseAddress),
                        "vm_end": .int(m.scenarioBaseAddress + 0x20_0000), "vm_mm": m.record(type: "mm_struct", [:]),
                        "vm_page_prot": .int(0), "anon_vma": m.record(type: "anon_vma", [:]),
                    ])
            case .pointer(.tagged(_, "page")), .pointer(.tagged(_, "folio")): return m.pagePointer(0)
            case .pointer(.pointer(_)): return .pointer(Pointer(object: m.allocate(.cell(.null))))
            case .pointer(.named("pte_t")):
                if (p.name ?? "").hasPrefix("dst"), let dst = dstMM {
                    let (_, table) = m.pageTable(of: dst)
                    return .pointer(Pointer(object: table, path: [.index(0)]))
                }
                return pte
            case .named("pte_t"): return .pte(m.state.ptes[0])
            case .pointer(.tagged(_, "mm_struct")):
                if case .pointer(let v) = vma, let mm = try? m.load(.pointer(v.appending(.field("vm_mm")))) {
                    return mm
                }
                return .unknown("mm")
            case .pointer(.named("spinlock_t")): return m.ptlPointer
            case .pointer(.named("pmd_t")): return m.record(type: "pmd", [:])
            // fork's `int *rss` (rss[NR_MM_COUNTERS], counted up by the callee).
            case .pointer(.named("int")) where p.name == "rss":
                let id = m.allocate(.array(Array(repeating: .int(0), count: 4)))
                m.rssArray = id
                return .pointer(Pointer(object: id, path: [.index(0)]))
            // Out-parameters (`int *dirty_nr`): a cell of the callee's own to count into.
            case .pointer(.named("int")), .pointer(.named("bool")):
                return .pointer(Pointer(object: m.allocate(.cell(.int(0)))))
            // A flag the caller computes (`bool enforce_uffd_wp`): both answers are explored.
            case .named("bool"):
                return .int(Int64(m.choose(2, "argument \(p.name ?? "?") is true")))
            // 2.6.11's `int write_access`: a read or a write fault.
            case .named("int") where p.name == "write_access":
                return .int(Int64(m.choose(2, "the fault is a write (write_access)")))
            case .named("pgoff_t"): return .int(0)
            case .named("unsigned int") where p.name == "flags": return .int(0x01)
            case .named("unsigned long") where ["address", "addr"].contains(p.name ?? ""):
                return .int(m.scenarioBaseAddress)
            default: return .unknown("argument \(p.name ?? "?")")
            }
        }
    }
}
