/// `git diff` output for a few files: `diff --git` headers and hunks of tab-indented C whose
/// `@@` counts are right, so a strict diff reader accepts it and line numbers can be checked.
struct DiffWriter {
    struct FileStat {
        var path: String
        var added: Int
        var removed: Int
    }

    struct Output {
        var lines: [String] = []
        var stats: [FileStat] = []
    }

    static func write(files: Int, hunksPerFile: ClosedRange<Int>, _ random: inout SeededRandom) -> Output {
        var out = Output()
        var paths: [String] = []
        while paths.count < files {
            let path = random.pick(KernelVocabulary.files)
            if !paths.contains(path) { paths.append(path) }
        }
        for path in paths {
            var stat = FileStat(path: path, added: 0, removed: 0)
            out.lines.append("diff --git a/\(path) b/\(path)")
            out.lines.append("index \(hex(7, &random))..\(hex(7, &random)) 100644")
            out.lines.append("--- a/\(path)")
            out.lines.append("+++ b/\(path)")
            var oldStart = random.int(20...400)
            var shift = 0
            for _ in 0..<random.int(hunksPerFile) {
                let hunk = hunk(oldStart: oldStart, newStart: oldStart + shift, &random)
                out.lines += hunk.lines
                stat.added += hunk.added
                stat.removed += hunk.removed
                shift += hunk.added - hunk.removed
                oldStart += hunk.oldCount + random.int(30...600)
            }
            out.stats.append(stat)
        }
        return out
    }

    /// The ` path | n +++--` block and its summary line, aligned as git aligns them.
    static func diffstat(_ stats: [FileStat]) -> [String] {
        let width = stats.map(\.path.utf8.count).max() ?? 0
        let countWidth = String(stats.map { $0.added + $0.removed }.max() ?? 0).count
        var lines: [String] = []
        for s in stats {
            let total = s.added + s.removed
            // format-patch fits each line in 72 columns, scaling the bar down when needed.
            let budget = max(10, 72 - width - countWidth - 4)
            let scale = total > budget ? Double(budget) / Double(total) : 1
            let plus = String(repeating: "+", count: Int((Double(s.added) * scale).rounded()))
            let minus = String(repeating: "-", count: Int((Double(s.removed) * scale).rounded()))
            let pad = String(repeating: " ", count: width - s.path.utf8.count)
            let count = String(total)
            lines.append(
                " \(s.path)\(pad) | \(String(repeating: " ", count: countWidth - count.count))\(count) \(plus)\(minus)")
        }
        let added = stats.reduce(0) { $0 + $1.added }
        let removed = stats.reduce(0) { $0 + $1.removed }
        var summary = " \(stats.count) file\(stats.count == 1 ? "" : "s") changed"
        if added > 0 { summary += ", \(added) insertion\(added == 1 ? "" : "s")(+)" }
        if removed > 0 { summary += ", \(removed) deletion\(removed == 1 ? "" : "s")(-)" }
        lines.append(summary)
        return lines
    }

    private struct Hunk {
        var lines: [String]
        var oldCount: Int
        var added: Int
        var removed: Int
    }

    /// Three lines of context, then runs of removed and added lines separated by context, then
    /// three lines of context: the shape `git diff -U3` produces.
    private static func hunk(oldStart: Int, newStart: Int, _ random: inout SeededRandom) -> Hunk {
        var body: [String] = []
        var oldCount = 0
        var newCount = 0
        var added = 0
        var removed = 0
        func context(_ n: Int, _ random: inout SeededRandom) {
            for _ in 0..<n {
                let code = CodeLines.line(&random)
                body.append(code.isEmpty ? " " : " " + code)
                oldCount += 1
                newCount += 1
            }
        }
        context(3, &random)
        for run in 0..<random.int(1...4) {
            if run > 0 { context(random.int(1...6), &random) }
            let minus = random.chance(30) ? 0 : random.int(1...8)
            let plus = minus == 0 ? random.int(1...14) : random.int(0...12)
            for _ in 0..<minus {
                body.append("-" + CodeLines.line(&random))
                oldCount += 1
                removed += 1
            }
            for _ in 0..<plus {
                body.append("+" + CodeLines.line(&random))
                newCount += 1
                added += 1
            }
        }
        context(3, &random)
        let function = CodeLines.signature(&random)
        let header = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@ \(function)"
        return Hunk(lines: [header] + body, oldCount: oldCount, added: added, removed: removed)
    }

    private static func hex(_ digits: Int, _ random: inout SeededRandom) -> String {
        let chars = Array("0123456789abcdef")
        return String((0..<digits).map { _ in chars[random.int(0...15)] })
    }
}
