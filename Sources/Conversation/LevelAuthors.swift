/// Who wrote each quote level of one message, and how we know.
///
/// Level 0 is the message's sender. A level is named by the latest attribution line one level up
/// before it; where none names it, the thread's ancestors (parent = level 1, grandparent = level
/// 2...) or, failing that, two people alternating (level k = level k-2) infer it, marked inferred.
struct LevelAuthors {
    struct Entry {
        var name: String?
        var email: String?
        var inferred: Bool
        var basis: String
    }

    /// Attributions by the level they name, each with the line from which it applies.
    private var named: [Int: [(line: Int, attribution: Attribution)]] = [:]
    /// The author of a level where no attribution applies.
    private var defaults: [Int: Entry] = [:]
    let maxLevel: Int

    init(
        sender: (name: String, email: String?), attributions: [(line: Int, level: Int, Attribution)],
        ancestors: [String?], maxLevel: Int
    ) {
        self.maxLevel = maxLevel
        for (line, level, a) in attributions where level + 1 <= maxLevel {
            named[level + 1, default: []].append((line, a))
        }
        defaults[0] = Entry(
            name: sender.name.isEmpty ? nil : sender.name, email: sender.email, inferred: false, basis: "from-header")
        guard maxLevel >= 1 else { return }
        for level in 1...maxLevel {
            // The first attribution naming this level, when any, stands for the level as a whole.
            if let first = named[level]?.first(where: { $0.attribution.name != nil }) {
                defaults[level] = Entry(
                    name: first.attribution.name, email: first.attribution.email, inferred: false, basis: "attribution")
                continue
            }
            if level - 1 < ancestors.count, let name = ancestors[level - 1] {
                defaults[level] = Entry(name: name, email: nil, inferred: true, basis: "thread")
                continue
            }
            if level >= 2, let a = defaults[level - 2]?.name, let b = defaults[level - 1]?.name,
                a != b
            {
                defaults[level] = Entry(name: a, email: nil, inferred: true, basis: "alternation")
                continue
            }
            defaults[level] = Entry(name: nil, email: nil, inferred: true, basis: "unknown")
        }
    }

    /// The author of a line at `level`, at body line `line`.
    func author(level: Int, line: Int) -> Entry {
        if level > 0, let list = named[level] {
            var best: Attribution?
            for (l, a) in list where l < line { best = a }
            if let best, let name = best.name {
                return Entry(name: name, email: best.email, inferred: false, basis: "attribution")
            }
        }
        return defaults[min(level, maxLevel)] ?? Entry(name: nil, email: nil, inferred: true, basis: "unknown")
    }

    /// The author standing for a level as a whole (for the message's level table).
    func levelAuthor(_ level: Int) -> Entry {
        defaults[min(level, maxLevel)] ?? Entry(name: nil, email: nil, inferred: true, basis: "unknown")
    }
}
