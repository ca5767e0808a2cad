/// The other states a page could be in that satisfy the model's own invariants (ref.consistent:
/// refcount = mappings + pins + swap cache + other references; a KSM page is anon), for judging
/// whether an operand of a condition can ever change its result.
enum ConsistentStates {
    static func variations(of s: MMState) -> [MMState] {
        var out: [MMState] = []
        for n in s.pages.indices.prefix(2) {
            let base = s.pages[n]
            // A page mapped by the faulting PTE stays mapped; a new page stays unmapped.
            let maps = base.mapcount > 0 ? Array(1...3) : [0]
            for mapcount in maps {
                for other in 0...2 {
                    for anon in [true, false] {
                        for reserved in [false, true] where !(reserved && anon) {
                            for ksm in [false, true] where !ksm || anon {
                                for swapCache in [false, true] {
                                    for swapcount in 0...(swapCache ? 1 : 0) {
                                        var p = base
                                        p.mapcount = mapcount
                                        p.swapcount = swapcount
                                        p.pins = 0
                                        if ksm { p.flags.insert(.ksm) } else { p.flags.remove(.ksm) }
                                        if anon { p.flags.insert(.anon) } else { p.flags.remove(.anon) }
                                        if reserved { p.flags.insert(.reserved) } else { p.flags.remove(.reserved) }
                                        if swapCache { p.flags.insert(.swapCache) } else { p.flags.remove(.swapCache) }
                                        p.refcount = mapcount + (swapCache ? 1 : 0) + other
                                        if p == base { continue }
                                        var v = s
                                        v.pages[n] = p
                                        out.append(v)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
