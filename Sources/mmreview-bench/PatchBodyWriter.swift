/// The body of a `git format-patch` mail: commit message, trailers, `---`, optional changelog,
/// diffstat, the diff, and the `-- ` version footer. Also the `0/N` cover letter of a series.
enum PatchBodyWriter {
    static func patch(
        author: KernelVocabulary.Person, version: Int, reviewers: [KernelVocabulary.Person], large: Bool,
        diff given: DiffWriter.Output? = nil, _ random: inout SeededRandom
    ) -> [String] {
        var lines: [String] = []
        for p in 0..<random.int(1...4) {
            if p > 0 { lines.append("") }
            let openers = p == 0 ? KernelVocabulary.proseOpeners : KernelVocabulary.proseMiddles
            lines += ProseWriter.paragraph(sentences: random.int(1...4), openers: openers, &random)
        }
        if random.chance(8) { lines += [""] + oopsTrace(&random) }
        if random.chance(4) {
            // Someone's mail pasted into the log: an mboxrd archive must write this `>>From `.
            lines += [
                "", ">From the discussion on v1:",
                "> " + ProseWriter.fill("{fn}() is called with {lock} held.", &random),
            ]
        }
        lines.append("")
        if random.chance(30) {
            lines.append("Fixes: \(hex(12, &random)) (\"\(ProseWriter.fill("mm: rework {fn}()", &random))\")")
        }
        if random.chance(15) { lines.append("Reported-by: syzbot+\(hex(20, &random))@syzkaller.appspotmail.com") }
        if version > 1 {
            for r in reviewers.prefix(random.int(0...2)) { lines.append("Reviewed-by: \(r.name) <\(r.email)>") }
        }
        if random.chance(10) { lines.append("Cc: <stable@vger.kernel.org>") }
        lines.append("Signed-off-by: \(author.name) <\(author.email)>")
        lines.append("---")
        if version > 1 && random.chance(50) {
            lines.append("v\(version - 1) -> v\(version):")
            for _ in 0..<random.int(1...3) {
                lines.append(" - " + ProseWriter.fill("use {helper}() in {fn}() as suggested by {person}", &random))
            }
            lines.append("")
        }
        let diff =
            given
            ?? DiffWriter.write(
                files: large ? random.int(2...5) : random.int(1...3),
                hunksPerFile: large ? 2...5 : 1...4, &random)
        lines += DiffWriter.diffstat(diff.stats)
        lines.append("")
        lines += diff.lines
        lines += ["-- ", "2.\(random.int(30...45)).\(random.int(0...3))"]
        return lines
    }

    static func coverLetter(
        author: KernelVocabulary.Person, titles: [String], _ random: inout SeededRandom
    ) -> [String] {
        var lines: [String] = []
        for p in 0..<random.int(2...5) {
            if p > 0 { lines.append("") }
            let openers = p == 0 ? KernelVocabulary.proseOpeners : KernelVocabulary.proseMiddles
            lines += ProseWriter.paragraph(sentences: random.int(2...5), openers: openers, &random)
        }
        lines += ["", "\(author.name) (\(titles.count)):"]
        for t in titles { lines += ProseWriter.wrap("  " + t, column: 76) }
        var stats: [DiffWriter.FileStat] = []
        for _ in 0..<random.int(1...6) {
            stats.append(
                DiffWriter.FileStat(
                    path: random.pick(KernelVocabulary.files), added: random.int(0...120), removed: random.int(0...60)))
        }
        lines += [""] + DiffWriter.diffstat(stats) + ["", "-- ", "2.\(random.int(30...45)).\(random.int(0...3))"]
        return lines
    }

    private static func oopsTrace(_ random: inout SeededRandom) -> [String] {
        var lines = [
            "  BUG: Bad rss-counter state mm:00000000\(hex(8, &random)) type:MM_ANONPAGES val:-1", "  Call Trace:",
        ]
        for _ in 0..<random.int(4...12) {
            let fn = random.pick(KernelVocabulary.functions)
            lines.append("   \(random.chance(30) ? "? " : "")\(fn)+0x\(hex(3, &random))/0x\(hex(3, &random))")
        }
        return lines
    }

    static func hex(_ digits: Int, _ random: inout SeededRandom) -> String {
        let chars = Array("0123456789abcdef")
        return String((0..<digits).map { _ in chars[random.int(0...15)] })
    }
}
