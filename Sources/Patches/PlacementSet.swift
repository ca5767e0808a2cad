/// The base ranges hunks have taken so far, sorted by start. Two hunks may not share a base line,
/// and an insertion may not fall strictly inside another hunk's lines: that is how a hunk that
/// wants lines an earlier one changed is caught instead of being applied twice over them.
struct PlacementSet {
    struct Placement {
        var hunk: Int
        var start: Int
        var length: Int
        /// The hunk lines (indices into PreparedHunk.lines) this placement writes.
        var lines: Range<Int>
        var reindent: Bool
        var end: Int { start + length }
    }

    private(set) var items: [Placement] = []

    /// The placement a range would conflict with, if any.
    func conflict(_ range: Range<Int>) -> Placement? {
        let i = firstIndex(startingAtOrAfter: range.lowerBound)
        // Non-overlapping placements sorted by start have non-decreasing ends: walk back while
        // they reach past the range's start, forward while they start before its end.
        var j = i - 1
        while j >= 0 && items[j].end > range.lowerBound {
            if Self.conflicts(items[j], range) { return items[j] }
            j -= 1
        }
        j = i
        while j < items.count && (items[j].start < range.upperBound || items[j].start == range.lowerBound) {
            if Self.conflicts(items[j], range) { return items[j] }
            j += 1
        }
        return nil
    }

    func isFree(_ range: Range<Int>) -> Bool { conflict(range) == nil }

    mutating func insert(_ p: Placement) {
        // After placements starting at the same line, unless they cover lines and p only inserts:
        // an insertion goes before the lines that start there.
        var i = firstIndex(startingAtOrAfter: p.start)
        while i < items.count && items[i].start == p.start && (p.length > 0 || items[i].length == 0) { i += 1 }
        items.insert(p, at: i)
    }

    private func firstIndex(startingAtOrAfter line: Int) -> Int {
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid].start < line { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func conflicts(_ p: Placement, _ r: Range<Int>) -> Bool {
        if p.length > 0 && !r.isEmpty { return p.start < r.upperBound && r.lowerBound < p.end }
        if p.length == 0 && !r.isEmpty { return r.lowerBound < p.start && p.start < r.upperBound }
        if p.length > 0 && r.isEmpty { return p.start < r.lowerBound && r.lowerBound < p.end }
        return false
    }
}
