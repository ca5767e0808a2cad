import Checker

/// How a finding, a comment's author and a counterexample read in words: shared by the text,
/// Markdown, HTML and reply renderers so they say the same thing.
enum FindingWords {
    static func mark(_ verdict: String) -> String {
        switch verdict {
        case "violated": return "✗"
        case "unknown": return "?"
        case "info": return "i"
        default: return "✓"
        }
    }

    /// `violated [cond.redundant] in do_wp_page()`, with the configurations when not all alike.
    static func headline(_ f: ReportFinding) -> String {
        var s = "\(f.verdict) [\(f.invariant)] in \(f.function)()"
        let configs = f.configurations.filter { !$0.isEmpty }
        if !configs.isEmpty {
            let names = f.configurations.map { $0.isEmpty ? "default" : $0.joined(separator: "+") }
            s += " (config: \(names.joined(separator: ", ")))"
        }
        if f.kind == "base" { s = "base (before the patch): " + s }
        return s
    }

    static func sign(_ kind: String) -> String {
        switch kind {
        case "added": return "+"
        case "removed": return "-"
        case "no-newline": return "\\"
        default: return " "
        }
    }

    static func author(_ c: ReportComment) -> String {
        (c.author ?? "someone") + (c.authorInferred ? " (inferred)" : "")
    }

    /// A path as line numbers (`251 252 wp_page_reuse:68`), at most `limit` steps, with the
    /// omitted middle said.
    static func compactPath(_ c: ReportCounterexample, function: String, limit: Int = 60) -> String {
        var tokens = c.path.map { s in s.function == function ? "\(s.line)" : "\(s.function):\(s.line)" }
        if c.omittedSteps > 0 {
            tokens.insert("…(\(c.omittedSteps) steps)…", at: c.path.count / 2)
        }
        if tokens.count > limit {
            let head = tokens.prefix(limit / 2)
            let tail = tokens.suffix(limit / 2)
            tokens = Array(head) + ["…(\(tokens.count - limit) more)…"] + Array(tail)
        }
        return tokens.joined(separator: " ")
    }

    /// The verdicts that hold, by invariant, for one function's summary line.
    static func holding(_ findings: [ReportFinding], kind: String) -> [String] {
        var ids: [String] = []
        for f in findings where f.kind == kind && f.verdict == "holds" && !ids.contains(f.invariant) {
            ids.append(f.invariant)
        }
        return ids
    }

    /// `, 2020-08-11` or `, 2020-08-11 to 2020-08-14`: the days a thread spans, for its header
    /// line; empty when a date is missing.
    static func span(_ t: ReportThread) -> String {
        guard let a = day(t.firstDate), let b = day(t.lastDate) else { return "" }
        return a == b ? ", \(a)" : ", \(a) to \(b)"
    }

    /// `2020-08-11` from an ISO date, else the raw text.
    static func day(_ date: String?) -> String? {
        guard let date else { return nil }
        return ThreadSummarizer.isISO(date) ? String(date.prefix(10)) : date
    }
}
