/// Pairs the patches of two versions of a series, like `git range-diff`: by normalised subject
/// and by how much of their changed lines they share, then greedily best pair first. Bounded: the
/// cost is old × new similarity computations, and series longer than `maxSeries` are paired by
/// subject only.
public struct SeriesPairing: Sendable {
    public struct Pair: Sendable {
        public var old: Int
        public var new: Int
        public var sameSubject: Bool
        /// Similarity of the changed lines, 0...1.
        public var similarity: Double
        public var interdiff: Interdiff
    }

    public var pairs: [Pair]
    public var onlyOld: [Int]
    public var onlyNew: [Int]

    public static func pair(old: [Patch], new: [Patch], maxSeries: Int = 500) -> SeriesPairing {
        let oldSubjects = old.map { normalizedSubject(subject(of: $0)) }
        let newSubjects = new.map { normalizedSubject(subject(of: $0)) }
        let bySubjectOnly = old.count > maxSeries || new.count > maxSeries
        let oldLines = bySubjectOnly ? [] : old.map(changedLines)
        let newLines = bySubjectOnly ? [] : new.map(changedLines)
        var candidates: [(score: Double, sim: Double, same: Bool, i: Int, j: Int)] = []
        for i in old.indices {
            for j in new.indices {
                let same = !oldSubjects[i].isEmpty && oldSubjects[i] == newSubjects[j]
                let sim = bySubjectOnly ? 0 : Interdiff.similarity(oldLines[i], newLines[j])
                let words = wordSimilarity(oldSubjects[i], newSubjects[j])
                // A reworded subject over much the same change, or a reworked change under the
                // same subject, is the same patch; a reworded subject over a reworked change is not.
                guard same || sim >= 0.5 || (words >= 0.5 && sim >= 0.2) else { continue }
                candidates.append(((same ? 1 : words * 0.5) + sim, sim, same, i, j))
            }
        }
        candidates.sort { ($0.score, -abs($0.i - $0.j)) > ($1.score, -abs($1.i - $1.j)) }
        var oldTaken = Array(repeating: false, count: old.count)
        var newTaken = Array(repeating: false, count: new.count)
        var pairs: [Pair] = []
        for c in candidates where !oldTaken[c.i] && !newTaken[c.j] {
            oldTaken[c.i] = true
            newTaken[c.j] = true
            pairs.append(
                Pair(
                    old: c.i, new: c.j, sameSubject: c.same, similarity: c.sim,
                    interdiff: Interdiff.compare(old: old[c.i], new: new[c.j])))
        }
        pairs.sort { $0.new < $1.new }
        return SeriesPairing(
            pairs: pairs, onlyOld: old.indices.filter { !oldTaken[$0] }, onlyNew: new.indices.filter { !newTaken[$0] })
    }

    static func subject(of patch: Patch) -> String {
        patch.header?.subject ?? patch.commitMessage.first ?? ""
    }

    /// `[PATCH v2 03/10] mm: Foo the bar` → `mm: foo the bar`: `Re:`/`Fwd:` and bracketed
    /// prefixes dropped, lower case, whitespace collapsed.
    public static func normalizedSubject(_ subject: String) -> String {
        var s = Substring(subject)
        while true {
            s = s.drop { $0 == " " || $0 == "\t" }
            let lower = s.lowercased()
            if lower.hasPrefix("re:") || lower.hasPrefix("aw:") {
                s = s.dropFirst(3)
            } else if lower.hasPrefix("fwd:") {
                s = s.dropFirst(4)
            } else if s.first == "[", let close = s.firstIndex(of: "]") {
                s = s[s.index(after: close)...]
            } else {
                break
            }
        }
        return LineText.normalized(String(s)).lowercased()
    }

    private static func wordSimilarity(_ a: String, _ b: String) -> Double {
        let wa = a.split(separator: " ").map(String.init)
        let wb = b.split(separator: " ").map(String.init)
        if wa.isEmpty || wb.isEmpty { return 0 }
        return Interdiff.similarity(wa, wb)
    }

    /// Every changed line of a patch, with its file, whitespace-normalised.
    private static func changedLines(_ patch: Patch) -> [String] {
        patch.files.flatMap { f in
            f.hunks.flatMap { Interdiff.signature($0).map { (f.path ?? "") + "\u{0}" + $0 } }
        }
    }
}
