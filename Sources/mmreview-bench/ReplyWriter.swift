/// A reviewer's reply: an attribution line, the parent's text quoted one level deeper (its own
/// quotes go to level 2 and 3), stretches snipped, comments between quoted lines (also in the
/// middle of a hunk), perhaps a trailer, and a signature.
struct ReplyWriter {
    enum QuoteStyle {
        /// `> ` before every line: `> > ` at level 2 (mutt, most clients).
        case spaced
        /// `>` before lines already quoted: `>> ` at level 2 (Gmail, some Emacs setups).
        case compact
    }

    static let snipMarks = ["[...]", "<snip>", "...", "[ snip ]", "[snip]"]

    static func reply(
        to parent: [String], parentAuthor: KernelVocabulary.Person, parentDate: MailDateText,
        by reviewer: KernelVocabulary.Person, maxBytes: Int, trailer: Bool, _ random: inout SeededRandom
    ) -> [String] {
        let style: QuoteStyle = random.chance(75) ? .spaced : .compact
        var lines = [attribution(parentAuthor, parentDate, &random)]
        var bytes = 0
        var comments = 0
        var snipped = false
        for block in blocks(of: withoutSignature(parent)) {
            if bytes > maxBytes {
                if !snipped { lines.append(random.pick(snipMarks)) }
                break
            }
            let isHunk = block.contains { stripped($0).hasPrefix("@@") }
            let answersComment = block.contains { !$0.isEmpty && !$0.hasPrefix(">") }
            // Nobody answers with nothing quoted: trimming starts once some context is there.
            if bytes > 1_000 && random.chance(isHunk ? 30 : 25) {
                // Trimmed: some mark it, some drop the text silently.
                if !snipped && random.chance(60) {
                    lines += [random.pick(snipMarks), ""]
                    snipped = true
                }
                continue
            }
            snipped = false
            for line in block {
                let quoted = quote(line, style)
                lines.append(quoted)
                bytes += quoted.utf8.count + 1
                let body = stripped(line)
                if isHunk && (body.hasPrefix("+") || body.hasPrefix("-")) && !body.hasPrefix("+++")
                    && !body.hasPrefix("---") && random.chance(4)
                {
                    lines += [""] + ProseWriter.comment(&random) + [""]
                    comments += 1
                }
            }
            if random.chance(answersComment ? 55 : isHunk ? 30 : 15) {
                lines += [""] + ProseWriter.comment(&random) + [""]
                comments += 1
            }
        }
        if comments == 0 { lines += [""] + ProseWriter.comment(&random) }
        if trailer {
            lines += ["", "\(random.pick(KernelVocabulary.trailerKeys)): \(reviewer.name) <\(reviewer.email)>"]
        }
        if !reviewer.signature.isEmpty { lines += [""] + reviewer.signature }
        return lines
    }

    private static func attribution(
        _ who: KernelVocabulary.Person, _ date: MailDateText, _ random: inout SeededRandom
    ) -> String {
        switch random.int(0...4) {
        case 0: return "On \(date.rfc2822), \(who.name) <\(who.email)> wrote:"
        case 1: return "On \(date.mutt), \(who.name) wrote:"
        case 2: return "On \(date.thunderbird), \(who.name) wrote:"
        case 3: return "\(who.name) <\(who.email)> writes:"
        default: return "On \(date.dayFirst), \(who.name) wrote:"
        }
    }

    private static func quote(_ line: String, _ style: QuoteStyle) -> String {
        if line.isEmpty { return ">" }
        if style == .compact && line.hasPrefix(">") { return ">" + line }
        return "> " + line
    }

    /// The line without its quote markers, to see what it is.
    private static func stripped(_ line: String) -> Substring {
        Substring(line).drop { $0 == ">" || $0 == " " }
    }

    /// Everything up to the sender's `-- ` signature (or a patch's version footer).
    private static func withoutSignature(_ lines: [String]) -> ArraySlice<String> {
        if let sig = lines.lastIndex(of: "-- ") { return lines[..<sig] }
        return lines[...]
    }

    /// An empty line at any quote level (`>`, `> >`), but not a quoted blank diff context line
    /// (`>  `), which belongs to its hunk.
    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == ">" || $0 == " " } && !line.hasSuffix("  ") && line != " "
    }

    /// Paragraphs, and hunks: a quote is trimmed or answered a block at a time.
    private static func blocks(of lines: ArraySlice<String>) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            let body = stripped(line)
            let starts = body.hasPrefix("@@") || body.hasPrefix("diff --git")
            if (starts || isBlank(line)) && !current.isEmpty {
                if isBlank(line) {
                    current.append(line)
                    blocks.append(current)
                    current = []
                    continue
                }
                blocks.append(current)
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}
