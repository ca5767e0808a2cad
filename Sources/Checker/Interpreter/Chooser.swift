/// Nondeterminism, explored by replay: the explorer gives a prefix of choices; past it, a path
/// takes the first outcome and records how many there were, so the explorer can come back.
struct Chooser {
    var prefix: [Int]
    var made: [(choice: Int, of: Int, why: String)] = []

    init(prefix: [Int]) { self.prefix = prefix }

    mutating func choose(_ n: Int, _ why: String) -> Int {
        let k = made.count
        let c = k < prefix.count ? min(prefix[k], n - 1) : 0
        made.append((c, n, why))
        return c
    }

    /// The next prefix in depth-first order, or nil when every path was explored.
    func nextPrefix() -> [Int]? {
        var i = made.count - 1
        while i >= 0 {
            if made[i].choice + 1 < made[i].of {
                return made[..<i].map(\.choice) + [made[i].choice + 1]
            }
            i -= 1
        }
        return nil
    }

    /// The choices that were not the first outcome, in words (for counterexamples).
    var story: [String] {
        made.filter { $0.choice != 0 }.map { $0.why }
    }
}
