/// The report as Markdown (GitHub flavour) for an issue, a wiki or a merge request: each
/// version's diff in `diff` blocks broken where a comment or finding sits, so they read under
/// their lines; counterexamples folded in `<details>`.
public enum MarkdownRenderer {
    public static func render(_ r: ReviewReport) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let t = r.thread
        line("# Report: \(inline(t.subject.isEmpty ? "(no subject)" : t.subject))")
        line()
        let span = FindingWords.span(t)
        line(
            "\(VerdictWriter.count(t.messages.count, "message"))\(span); "
                + "\(VerdictWriter.count(r.summary.patches, "patch", "patches")), "
                + "\(VerdictWriter.count(r.summary.comments, "comment"))."
                + (t.partial ? " **Partial input** (see the notes at the end)." : ""))
        line()
        if !t.people.isEmpty {
            line(
                "People: "
                    + t.people.map { "\(inline($0.name)) (\($0.roles.joined(separator: ", ")))" }.joined(
                        separator: "; "))
            line()
        }
        if !t.messages.isEmpty {
            line("| # | date | from | subject |")
            line("|---|---|---|---|")
            for m in t.messages {
                line("| \(m.index) | \(cell(FindingWords.day(m.date) ?? "")) | \(cell(m.from)) | \(cell(m.subject)) |")
            }
            line()
        }
        if !r.threadComments.isEmpty {
            line("## Discussion not on a patch line")
            line()
            for c in r.threadComments { comment(c, into: &out) }
        }
        if r.versions.isEmpty { line("No patch in this thread: nothing to apply or check.") }
        for v in r.versions { version(v, into: &out) }
        if !t.diagnostics.isEmpty {
            line("## Notes on the input")
            line()
            for d in t.diagnostics { line("- " + inline(d)) }
            line()
        }
        return out
    }

    static func version(_ v: ReportVersion, into out: inout String) {
        func line(_ s: String = "") { out += s + "\n" }
        line("## Patch #\(v.patchIndex): \(inline(v.subject.isEmpty ? "(no subject)" : v.subject))")
        line()
        line(PostingLine.text(v, author: inline) + ".  ")
        line("Base **\(inline(v.base.name ?? "none"))** (\(v.base.basis): \(inline(v.base.reason))).")
        for n in v.notes { line("- note: \(inline(n))") }
        if !v.missingFunctions.isEmpty {
            line("- not in the model: \(v.missingFunctions.map(code).joined(separator: ", "))")
        }
        for tr in v.replyTrailers { line("- \(inline(tr.key)): \(inline(tr.value)) (given in message \(tr.message))") }
        line()
        let byIndex = v.commentsByIndex
        let patchComments = v.comments.filter { $0.placement == "patch" }
        if !patchComments.isEmpty {
            line("### On the patch as a whole")
            line()
            for c in patchComments { comment(c, into: &out) }
        }
        for f in v.files {
            line("### \(inline(f.path ?? "(unknown file)"))\(f.pathInferred ? " (path inferred)" : "")")
            line()
            for i in f.comments { if let c = byIndex[i] { comment(c, into: &out) } }
            for h in f.hunks {
                line(
                    "\(code(h.header ?? "(header-less fragment)")): \(inline(ReportTextRenderer.application(h.application)))"
                )
                line()
                for i in h.comments { if let c = byIndex[i] { comment(c, into: &out) } }
                var block: [String] = []
                func flush() {
                    guard !block.isEmpty else { return }
                    let fence = fenceFor(block.joined(separator: "\n"))
                    line(fence + "diff")
                    for b in block { line(b) }
                    line(fence)
                    line()
                    block = []
                }
                for l in h.lines {
                    block.append(FindingWords.sign(l.kind) + l.text)
                    let notable = l.findings.filter { v.findings[$0].isNotable }
                    if l.comments.isEmpty && notable.isEmpty { continue }
                    flush()
                    for i in l.comments { if let c = byIndex[i] { comment(c, into: &out) } }
                    for id in notable { finding(v.findings[id], v, into: &out) }
                }
                flush()
            }
        }
        if !v.functions.isEmpty {
            line("### Functions")
            line()
            line("| function | run | starting states | paths | bounds hit | unknown calls |")
            line("|---|---|---|---|---|---|")
            for fn in v.functions {
                if fn.analysis.isEmpty { line("| \(code(fn.name + "()")) | not checked | | | | |") }
                for a in fn.analysis {
                    let run = a.kind + (a.configuration.isEmpty ? "" : " " + a.configuration.joined(separator: " "))
                    line(
                        "| \(code(fn.name + "()")) | \(cell(run)) | \(a.scenarios) | \(a.paths) | "
                            + "\(cell(a.boundsHit.joined(separator: "; "))) | \(cell(a.unknownCalls.joined(separator: ", "))) |"
                    )
                }
            }
            line()
            for fn in v.functions {
                let mine = fn.findings.map { v.findings[$0] }
                let holds = FindingWords.holding(mine, kind: "patched")
                line(
                    "<details><summary>\(html(fn.name))() — \(html(fn.file)):\(fn.startLine)-\(fn.endLine)\(holds.isEmpty ? "" : "; holds: " + html(holds.joined(separator: ", ")))</summary>"
                )
                line()
                let fence = fenceFor(fn.source)
                line(fence + "c")
                line(fn.source)
                line(fence)
                line()
                line("</details>")
                line()
                for f in mine where f.isNotable && f.at == nil { finding(f, v, into: &out) }
            }
            for f in v.orphanFindings {
                finding(f, v, into: &out)
            }
        }
        if !v.meetings.isEmpty {
            line("### Reviewers and checker")
            line()
            for m in v.meetings {
                let f = v.findings[m.finding]
                let on =
                    f.patchLine.map { " on \(code(FindingWords.sign($0.kind) + VerdictWriter.squeezed($0.text)))" }
                    ?? ""
                let who = m.comments.compactMap { byIndex[$0] }.map {
                    "\(inline(FindingWords.author($0))) (#\($0.index))"
                }
                line(
                    "- **\(m.kind)**: \(f.verdict) `\(f.invariant)`\(on)"
                        + (who.isEmpty ? "" : " — " + who.joined(separator: ", ")))
            }
            line()
        }
        line("**Verdict: \(v.verdict.status.uppercased())** — \(inline(v.verdict.text))")
        line()
    }

    static func comment(_ c: ReportComment, into out: inout String) {
        let via = c.viaDiscussion ? " (in the discussion of this line)" : ""
        out += "> 💬 **\(inline(FindingWords.author(c)))**, comment #\(c.index)\(via):\n>\n"
        let fence = fenceFor(c.text)
        out += "> \(fence)text\n"
        for l in c.text.split(separator: "\n", omittingEmptySubsequences: false) { out += "> \(l)\n" }
        out += "> \(fence)\n\n"
    }

    static func finding(_ f: ReportFinding, _ v: ReportVersion, into out: inout String) {
        var head = "**\(FindingWords.mark(f.verdict)) \(inline(FindingWords.headline(f)))**"
        if let m = v.meetings.first(where: { $0.finding == f.id }) {
            head +=
                m.kind == "agree"
                ? " — agrees with comment \(m.comments.map { "#\($0)" }.joined(separator: ", "))"
                : " — checker only: no comment here"
        }
        out += "> \(head)  \n> \(inline(f.message)) (\(code(f.line.map { "\(f.file):\($0)" } ?? f.file)))\n"
        if f.at == nil, let p = f.patchLine {
            out += ">\n> on the patch line \(code(FindingWords.sign(p.kind) + VerdictWriter.squeezed(p.text)))\n"
        }
        for r in f.removedLines.prefix(6) {
            out += ">\n> follows from removing \(code("-" + VerdictWriter.squeezed(r.text)))\n"
        }
        if let reason = f.reason { out += ">\n> because \(inline(reason))\n" }
        if let c = f.counterexample {
            out += ">\n> <details><summary>counterexample</summary>\n>\n"
            out += "> start: \(code(c.initialState))  \n"
            for ch in c.choices { out += "> - \(inline(ch))\n" }
            out += ">\n> path: \(code(FindingWords.compactPath(c, function: f.function)))  \n"
            out += "> state then: \(code(c.finalState))\n>\n> </details>\n"
        }
        out += "\n"
    }

    /// Prose with Markdown's active characters escaped, keeping the checker's `code` spans.
    static func inline(_ s: String) -> String {
        var out = ""
        var inCode = false
        for ch in s {
            if ch == "`" {
                inCode.toggle()
                out.append(ch)
                continue
            }
            if inCode {
                out.append(ch)
                continue
            }
            switch ch {
            case "\\", "*", "_", "[", "]", "#", "|", "~": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        // An unbalanced backtick would swallow the rest: close it.
        if inCode { out += "`" }
        return out
    }

    /// A code span that survives backticks inside it.
    static func code(_ s: String) -> String {
        let longest = longestBacktickRun(s)
        let ticks = String(repeating: "`", count: longest + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") || longest > 0 ? " " : ""
        return ticks + pad + s.replacingOccurrences(of: "\n", with: " ") + pad + ticks
    }

    static func cell(_ s: String) -> String { inline(s) }

    static func html(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A fence longer than any backtick run in the text it encloses.
    static func fenceFor(_ s: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(s) + 1))
    }

    private static func longestBacktickRun(_ s: String) -> Int {
        var longest = 0
        var run = 0
        for ch in s {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
