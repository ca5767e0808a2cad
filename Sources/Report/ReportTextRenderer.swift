import Foundation

/// The report for a person at a terminal: the thread, then each version's diff with the
/// comments and findings under the lines they concern, its functions, where reviewers and
/// checker meet, and the verdict. Colour only when asked (the command decides: a TTY, no
/// NO_COLOR).
public enum ReportTextRenderer {
    public static func render(_ r: ReviewReport, colour: Bool = false) -> String {
        let st = ANSIStyle(enabled: colour)
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let t = r.thread
        line(st.bold("Report: \(t.subject.isEmpty ? "(no subject)" : t.subject)"))
        let span = FindingWords.span(t)
        line(
            "  \(VerdictWriter.count(t.messages.count, "message"))\(span); "
                + "\(VerdictWriter.count(r.summary.patches, "patch", "patches")), "
                + "\(VerdictWriter.count(r.summary.comments, "comment"))"
                + (t.partial ? "; PARTIAL input (see diagnostics)" : "")
                + (t.missingMessages > 0 ? "; \(t.missingMessages) referenced message(s) missing" : ""))
        if !t.people.isEmpty {
            line(
                "  people: "
                    + t.people.map { "\($0.name) (\($0.roles.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        for m in t.messages {
            var extra: [String] = []
            if m.patches > 0 { extra.append(VerdictWriter.count(m.patches, "patch", "patches")) }
            if m.comments > 0 { extra.append(VerdictWriter.count(m.comments, "comment")) }
            line(
                "  [\(m.index)] \(FindingWords.day(m.date) ?? "undated")  \(m.from)  \"\(m.subject)\""
                    + (extra.isEmpty ? "" : "  (\(extra.joined(separator: ", ")))"))
        }
        if !r.threadComments.isEmpty {
            line()
            line(st.bold("Discussion not on a patch line"))
            for c in r.threadComments { comment(c, indent: "  ", into: &out, st) }
        }
        if r.versions.isEmpty {
            line()
            line("No patch in this thread: nothing to apply or check.")
        }
        for v in r.versions { version(v, r, into: &out, st) }
        for d in t.diagnostics { line(st.dim("note: \(d)")) }
        return out
    }

    static func version(_ v: ReportVersion, _ r: ReviewReport, into out: inout String, _ st: ANSIStyle) {
        func line(_ s: String = "") { out += s + "\n" }
        line()
        line(st.bold("Patch #\(v.patchIndex): \(v.subject.isEmpty ? "(no subject)" : v.subject)"))
        var who = PostingLine.text(v, message: { "[\($0)]" })
        if v.isFragment { who += "; a header-less fragment" }
        line("  " + who)
        line("  base: \(v.base.name ?? "none") (\(v.base.basis): \(v.base.reason))")
        if !v.appliedOnTopOf.isEmpty {
            line("  applied on top of \(v.appliedOnTopOf.map { "#\($0)" }.joined(separator: ", ")) of the same series")
        }
        for n in v.notes { line("  note: \(n)") }
        if !v.missingFunctions.isEmpty { line("  not in the model: \(v.missingFunctions.joined(separator: ", "))") }
        if !v.reverseRoundTrip { line("  note: the reverse patch does not give the base back") }
        for tr in v.replyTrailers { line("  \(tr.key): \(tr.value)  (given in message [\(tr.message)])") }
        let patchComments = v.comments.filter { $0.placement == "patch" }
        if !patchComments.isEmpty {
            line("  On the patch as a whole:")
            for c in patchComments { comment(c, indent: "    ", into: &out, st) }
        }
        let byIndex = v.commentsByIndex
        for f in v.files {
            line()
            line(
                "  " + st.bold(f.path ?? "(unknown file)") + (f.pathInferred ? " (path inferred)" : "")
                    + (f.isNew ? " (new file)" : "") + (f.isDeleted ? " (deleted)" : ""))
            for i in f.comments { if let c = byIndex[i] { comment(c, indent: "    ", into: &out, st) } }
            for h in f.hunks {
                line("  " + st.cyan(h.header ?? "(header-less fragment)") + (h.complete ? "" : st.dim("  [partial]")))
                line("    " + st.dim(application(h.application)))
                for i in h.comments { if let c = byIndex[i] { comment(c, indent: "    ", into: &out, st) } }
                for l in h.lines {
                    let old = l.oldLine.map { String($0) } ?? ""
                    let new = l.newLine.map { String($0) } ?? ""
                    let code = FindingWords.sign(l.kind) + l.text
                    let shown = l.kind == "added" ? st.green(code) : l.kind == "removed" ? st.red(code) : code
                    line(pad(old, 6) + pad(new, 6) + "  " + shown)
                    for i in l.comments {
                        if let c = byIndex[i] { comment(c, indent: String(repeating: " ", count: 14), into: &out, st) }
                    }
                    for id in l.findings where v.findings[id].isNotable {
                        finding(v.findings[id], v, indent: String(repeating: " ", count: 14), into: &out, st)
                    }
                }
            }
        }
        functions(v, into: &out, st)
        if !v.meetings.isEmpty {
            line()
            line("  " + st.bold("Reviewers and checker"))
            for m in v.meetings {
                let f = v.findings[m.finding]
                let on =
                    f.patchLine.map { " on \(FindingWords.sign($0.kind))\(VerdictWriter.squeezed($0.text))" }
                    ?? " in \(f.function)(), following from removed lines"
                var s =
                    "    " + m.kind.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + "\(f.verdict) [\(f.invariant)]\(on)"
                if !m.comments.isEmpty {
                    s +=
                        " ("
                        + m.comments.compactMap { byIndex[$0] }.map { "\(FindingWords.author($0)), #\($0.index)" }
                        .joined(separator: "; ") + ")"
                }
                line(m.kind == "checker-only" ? st.magenta(s) : s)
            }
        }
        line()
        let label = v.verdict.status.uppercased()
        let coloured =
            v.verdict.status == "violations" || v.verdict.status == "does-not-apply"
            ? st.bold(st.red(label))
            : v.verdict.status == "clean" ? st.bold(st.green(label)) : st.bold(st.yellow(label))
        line("  Verdict: \(coloured): \(v.verdict.text)")
    }

    static func functions(_ v: ReportVersion, into out: inout String, _ st: ANSIStyle) {
        func line(_ s: String = "") { out += s + "\n" }
        guard !v.functions.isEmpty else { return }
        line()
        line("  " + st.bold("Functions"))
        for fn in v.functions {
            line(
                "    \(fn.name)()  \(fn.file):\(fn.startLine)-\(fn.endLine)\(fn.changed ? ", patched" : ", unchanged")")
            if fn.analysis.isEmpty { line("      not checked") }
            for a in fn.analysis {
                let config = a.configuration.isEmpty ? "" : " [\(a.configuration.joined(separator: " "))]"
                line(
                    "      \(a.kind)\(config): \(VerdictWriter.count(a.scenarios, "starting state")), \(VerdictWriter.count(a.paths, "path"))"
                        + (a.contract.map { "; entry contract: \($0)" } ?? ""))
                for b in a.boundsHit { line("        " + st.yellow("bound: \(b)")) }
                if !a.unknownCalls.isEmpty { line("        unknown calls: \(a.unknownCalls.joined(separator: ", "))") }
                for e in a.errors { line("        not interpreted: \(e)") }
            }
            let mine = fn.findings.map { v.findings[$0] }
            for kind in ["patched", "base"] {
                let holds = FindingWords.holding(mine, kind: kind)
                if !holds.isEmpty { line("      " + st.green("\(kind) holds: \(holds.joined(separator: ", "))")) }
            }
            // Notable findings with no diff line to sit under are shown here, whole.
            for f in mine where f.isNotable && f.at == nil {
                finding(f, v, indent: "      ", into: &out, st)
            }
        }
        for f in v.orphanFindings { finding(f, v, indent: "    ", into: &out, st) }
    }

    static func comment(_ c: ReportComment, indent: String, into out: inout String, _ st: ANSIStyle) {
        let via = c.viaDiscussion ? " (in the discussion of this line)" : ""
        out += indent + st.blue("│ \(FindingWords.author(c)), comment #\(c.index)\(via):") + "\n"
        for l in c.text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += indent + st.blue("│ ") + l + "\n"
        }
    }

    static func finding(_ f: ReportFinding, _ v: ReportVersion, indent: String, into out: inout String, _ st: ANSIStyle)
    {
        var head = "\(FindingWords.mark(f.verdict)) \(FindingWords.headline(f))"
        if let m = v.meetings.first(where: { $0.finding == f.id }) {
            head +=
                m.kind == "agree"
                ? "  — agrees with comment \(m.comments.map { "#\($0)" }.joined(separator: ", "))"
                : "  — checker only: no comment here"
        }
        out += indent + st.verdict(f.verdict, head) + "\n"
        let at = f.line.map { "\(f.file):\($0)" } ?? f.file
        out += indent + "  \(f.message)  (\(at))\n"
        if f.at == nil, let p = f.patchLine {
            out += indent + "  on the patch line \(FindingWords.sign(p.kind))\(VerdictWriter.squeezed(p.text))\n"
        }
        for r in f.removedLines.prefix(6) {
            out += indent + "  follows from removing -\(VerdictWriter.squeezed(r.text))\n"
        }
        if f.removedLines.count > 6 { out += indent + "  … and \(f.removedLines.count - 6) more removed lines\n" }
        if let reason = f.reason { out += indent + "  because \(reason)\n" }
        if let c = f.counterexample {
            out += indent + "  counterexample: start \(c.initialState)\n"
            for ch in c.choices { out += indent + "    - \(ch)\n" }
            out += indent + "    path: \(FindingWords.compactPath(c, function: f.function))\n"
            out += indent + "    state then: \(c.finalState)\n"
        }
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : String(repeating: " ", count: n - s.count) + s
    }

    static func application(_ a: ReportHunkApplication) -> String {
        var s: String
        switch a.result {
        case "failed": s = "FAILED to apply"
        case "not-in-model": s = "not in the model"
        case "not-applied": s = "not applied"
        default: s = "applied (\(a.result))"
        }
        if let o = a.offset, o != 0 { s += ", offset \(o > 0 ? "+" : "")\(o)" }
        if let f = a.fuzz { s += ", fuzz \(f)" }
        if let p = a.patchedLine { s += ", at line \(p) of the patched file" }
        if !a.repairs.isEmpty { s += "; \(a.repairs.joined(separator: "; "))" }
        if let e = a.error { s += "; \(e)" }
        return s
    }
}
