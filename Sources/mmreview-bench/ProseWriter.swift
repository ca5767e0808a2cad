/// Sentences and paragraphs for commit messages and review comments, from the vocabulary's
/// templates, wrapped at 72 columns as `git commit` and most mail clients leave them.
struct ProseWriter {
    static let wrapColumn = 72

    /// Fills a template's `{fn}`, `{lock}`... slots.
    static func fill(_ template: String, _ random: inout SeededRandom) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "fn": out += random.pick(KernelVocabulary.functions)
            case "helper": out += random.pick(KernelVocabulary.helpers)
            case "lock": out += random.pick(KernelVocabulary.locks)
            case "cond": out += random.pick(KernelVocabulary.conditions)
            case "person": out += random.pick(KernelVocabulary.people).name
            case "n": out += String(random.int(2...40))
            case "a": out += random.pick(KernelVocabulary.locals)
            case "b": out += random.pick(KernelVocabulary.locals)
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// One paragraph of `sentences` sentences, opened by one of `openers` when given.
    static func paragraph(
        sentences: Int, openers: [String] = KernelVocabulary.proseMiddles, _ random: inout SeededRandom
    ) -> [String] {
        var text = fill(random.pick(openers), &random)
        for _ in 1..<max(sentences, 1) {
            text += " " + fill(random.pick(KernelVocabulary.proseMiddles), &random)
        }
        return wrap(text)
    }

    /// A reviewer's inline comment: one to three short paragraphs of review remarks.
    static func comment(_ random: inout SeededRandom) -> [String] {
        var lines: [String] = []
        for p in 0..<random.int(1...3) {
            if p > 0 { lines.append("") }
            var text = fill(random.pick(KernelVocabulary.reviewComments), &random)
            if random.chance(40) { text += " " + fill(random.pick(KernelVocabulary.reviewComments), &random) }
            lines += wrap(text)
        }
        return lines
    }

    /// Greedy word wrap; a word longer than the column stays whole, as mail clients do.
    static func wrap(_ text: String, column: Int = wrapColumn) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.utf8.count + 1 + word.utf8.count > column {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
