/// Finds where a run of hunk lines (a pre-image, or a post-image for the already-applied check)
/// is in the base: at the expected line first, then nearest first in both directions. Candidate
/// places come from an index of the base by whitespace-normalised line (built once, only when a
/// hunk is not at its stated line), anchored on the hunk's rarest line, so a hunk whose context
/// is everywhere costs the places it could be, not lines × places.
struct HunkMatcher {
    enum Comparison: Sendable {
        case exact
        case ignoringWhitespace
    }

    enum Outcome: Equatable {
        case found(Int)
        /// Equally near matches (0-based starts).
        case ambiguous([Int])
        /// More than the cap: the nearest starts.
        case tooMany([Int])
        /// Matches only where an earlier hunk already is (the nearest such start).
        case blocked(Int)
        case none
    }

    let base: LineTable
    let maxPlaces: Int
    let maxOffset: Int?
    private var index: [UInt64: [Int32]]?

    init(base: LineTable, maxPlaces: Int, maxOffset: Int?) {
        self.base = base
        self.maxPlaces = maxPlaces
        self.maxOffset = maxOffset
    }

    func matches(_ lines: [[UInt8]], at start: Int, _ comparison: Comparison) -> Bool {
        guard start >= 0, start + lines.count <= base.count else { return false }
        for k in 0..<lines.count {
            let range = base.contentRange(start + k)
            let ok =
                switch comparison {
                case .exact: LineText.equal(base.bytes, range, lines[k])
                case .ignoringWhitespace:
                    LineText.equalIgnoringWhitespace(base.bytes, range, lines[k], 0..<lines[k].count)
                }
            if !ok { return false }
        }
        return true
    }

    /// `isFree` says whether a place is clear of hunks already placed.
    mutating func search(
        _ lines: [[UInt8]], expected: Int, _ comparison: Comparison, isFree: (Range<Int>) -> Bool
    ) -> Outcome {
        if lines.isEmpty { return .found(min(max(expected, 0), base.count)) }
        let maxStart = base.count - lines.count
        guard maxStart >= 0 else { return .none }
        var blocked: Int?
        if expected >= 0 && expected <= maxStart && matches(lines, at: expected, comparison) {
            if isFree(expected..<(expected + lines.count)) { return .found(expected) }
            blocked = expected
        }
        let index = buildIndex()
        // The rarest line anchors the candidates; a line found nowhere means no place at all.
        var anchor: (line: Int, places: [Int32])?
        for (k, line) in lines.enumerated() {
            guard let places = index[LineText.normalizedHash(line, 0..<line.count)] else {
                return blocked.map(Outcome.blocked) ?? .none
            }
            if anchor == nil || places.count < anchor!.places.count { anchor = (k, places) }
            if places.count == 1 { break }
        }
        guard let anchor else { return .none }
        var candidates: [Int] = []
        candidates.reserveCapacity(anchor.places.count)
        for p in anchor.places {
            let start = Int(p) - anchor.line
            guard start >= 0, start <= maxStart, start != expected else { continue }
            if let maxOffset, abs(start - expected) > maxOffset { continue }
            candidates.append(start)
        }
        candidates.sort { (abs($0 - expected), $0) < (abs($1 - expected), $1) }
        // Counting places beyond the nearest is only needed when there could be too many.
        let mustCount = candidates.count > maxPlaces
        var found: [Int] = []
        var nearest: Int?
        for c in candidates {
            let distance = abs(c - expected)
            if let nearest, distance > nearest, !mustCount { break }
            if found.count > maxPlaces { break }
            guard matches(lines, at: c, comparison) else { continue }
            if isFree(c..<(c + lines.count)) {
                found.append(c)
                if nearest == nil { nearest = distance }
            } else if blocked == nil {
                blocked = c
            }
        }
        if found.count > maxPlaces { return .tooMany(Array(found.prefix(2))) }
        guard let nearest else { return blocked.map(Outcome.blocked) ?? .none }
        let ties = found.filter { abs($0 - expected) == nearest }
        return ties.count > 1 ? .ambiguous(ties) : .found(ties[0])
    }

    /// The place where most of `lines` match (whitespace-insensitively), for a failure message:
    /// places voted for by the hunk's less common lines, plus the expected place.
    mutating func closest(_ lines: [[UInt8]], expected: Int) -> (start: Int, matched: Int, firstMismatch: Int)? {
        guard !lines.isEmpty else { return nil }
        let index = buildIndex()
        var votes: [Int: Int] = [:]
        for (k, line) in lines.enumerated() {
            guard let places = index[LineText.normalizedHash(line, 0..<line.count)], places.count <= 256
            else { continue }
            for p in places where Int(p) - k >= 0 { votes[Int(p) - k, default: 0] += 1 }
        }
        // A total order (votes, then distance, then position): a tie must not fall to the
        // dictionary's order, which changes from process to process.
        var candidates = votes.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            let (da, db) = (abs(a.key - expected), abs(b.key - expected))
            return da != db ? da < db : a.key < b.key
        }
        .prefix(8).map(\.key)
        if expected >= 0 && expected < base.count { candidates.append(expected) }
        var best: (start: Int, matched: Int, firstMismatch: Int)?
        for c in candidates {
            var matched = 0
            var firstMismatch = -1
            for k in 0..<lines.count {
                let i = c + k
                if i < base.count
                    && LineText.equalIgnoringWhitespace(
                        base.bytes, base.contentRange(i), lines[k], 0..<lines[k].count)
                {
                    matched += 1
                } else if firstMismatch < 0 {
                    firstMismatch = k
                }
            }
            guard matched > 0, firstMismatch >= 0 else { continue }
            if let b = best,
                (b.matched, -abs(b.start - expected)) >= (matched, -abs(c - expected))
            {
                continue
            }
            best = (c, matched, firstMismatch)
        }
        return best
    }

    private mutating func buildIndex() -> [UInt64: [Int32]] {
        if let index { return index }
        var built: [UInt64: [Int32]] = [:]
        built.reserveCapacity(base.count)
        for i in 0..<base.count {
            built[LineText.normalizedHash(base.bytes, base.contentRange(i)), default: []].append(Int32(i))
        }
        index = built
        return built
    }
}
