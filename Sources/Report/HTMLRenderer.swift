/// The report as one self-contained HTML page (inline CSS and script, no network, no external
/// assets): a version switcher, each version's diff as a table whose last column holds the
/// comments and findings of that row's line, counterexample traces folded in `<details>`, the
/// functions with their source and analysis, and the verdict. Everything from the input is
/// escaped. Without script every version shows, one after another.
public enum HTMLRenderer {
    public static func render(_ reports: [ReviewReport]) -> String {
        var out = ""
        let title = reports.count == 1 ? reports[0].thread.subject : "\(reports.count) threads"
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"mmreview \(esc(ReviewReport.schema))\">\n"
        out += "<title>mmreview: \(esc(title.isEmpty ? "(no subject)" : title))</title>\n"
        out += "<style>\n\(css)</style>\n</head>\n<body>\n"
        out += "<nav id=\"versions\" aria-label=\"patch versions\">\n<span class=\"nav-label\">Versions:</span>\n"
        for (ri, r) in reports.enumerated() {
            for v in r.versions {
                let id = versionID(ri, v)
                out +=
                    "<a class=\"version-tab \(esc(v.verdict.status))\" href=\"#\(id)\" data-version=\"\(id)\">"
                    + "#\(v.patchIndex) v\(v.version)\(v.part.map { " \($0)/\(v.total ?? 0)" } ?? "") "
                    + "<span class=\"tab-title\">\(esc(clip(v.title.isEmpty ? v.subject : v.title, 48)))</span> "
                    + "<span class=\"status\">\(esc(v.verdict.status))</span></a>\n"
            }
        }
        out += "</nav>\n<main>\n"
        for (ri, r) in reports.enumerated() { report(r, index: ri, into: &out) }
        out += "</main>\n<script>\n\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func versionID(_ report: Int, _ v: ReportVersion) -> String { "r\(report)-p\(v.patchIndex)" }

    static func report(_ r: ReviewReport, index ri: Int, into out: inout String) {
        let t = r.thread
        out += "<section class=\"thread\" id=\"r\(ri)\">\n"
        out += "<h1>\(esc(t.subject.isEmpty ? "(no subject)" : t.subject))</h1>\n"
        let span = FindingWords.span(t)
        out +=
            "<p class=\"meta\">\(esc(VerdictWriter.count(t.messages.count, "message")))\(esc(span)); "
            + "\(esc(VerdictWriter.count(r.summary.patches, "patch", "patches"))), "
            + "\(esc(VerdictWriter.count(r.summary.comments, "comment")))"
            + (t.partial ? "; <strong>partial input</strong>" : "") + "</p>\n"
        if !t.people.isEmpty {
            out += "<p class=\"people\">"
            out += t.people.map {
                "<span class=\"person\">\(esc($0.name)) <small>(\(esc($0.roles.joined(separator: ", "))))</small></span>"
            }
            .joined(separator: " · ")
            out += "</p>\n"
        }
        if !t.messages.isEmpty {
            out +=
                "<table class=\"messages\"><thead><tr><th>#</th><th>date</th><th>from</th><th>subject</th></tr></thead><tbody>\n"
            for m in t.messages {
                out +=
                    "<tr><td>\(m.index)</td><td>\(esc(FindingWords.day(m.date) ?? ""))</td><td>\(esc(m.from))</td><td>\(esc(m.subject))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if !r.threadComments.isEmpty {
            out +=
                "<details class=\"discussion\"><summary>Discussion not on a patch line (\(r.threadComments.count))</summary>\n"
            for c in r.threadComments { comment(c, into: &out) }
            out += "</details>\n"
        }
        for d in t.diagnostics { out += "<p class=\"diagnostic\">note: \(esc(d))</p>\n" }
        if r.versions.isEmpty { out += "<p>No patch in this thread: nothing to apply or check.</p>\n" }
        out += "</section>\n"
        for v in r.versions { version(v, id: versionID(ri, v), into: &out) }
    }

    static func version(_ v: ReportVersion, id: String, into out: inout String) {
        out += "<section class=\"version\" id=\"\(id)\" data-version=\"\(id)\">\n"
        out += "<h2>Patch #\(v.patchIndex): \(esc(v.subject.isEmpty ? "(no subject)" : v.subject))</h2>\n"
        out +=
            "<p class=\"verdict \(esc(v.verdict.status))\"><strong>\(esc(v.verdict.status.uppercased()))</strong> — \(prose(v.verdict.text))</p>\n"
        let who = PostingLine.text(v)
        out +=
            "<p class=\"meta\">\(esc(who))<br>base <strong>\(esc(v.base.name ?? "none"))</strong> (\(esc(v.base.basis)): \(esc(v.base.reason)))</p>\n"
        var notes = v.notes
        if !v.missingFunctions.isEmpty {
            notes.append("not in the model: " + v.missingFunctions.joined(separator: ", "))
        }
        for tr in v.replyTrailers { notes.append("\(tr.key): \(tr.value) (given in message \(tr.message))") }
        if !notes.isEmpty { out += "<ul class=\"notes\">" + notes.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        if !v.commitMessage.isEmpty {
            out +=
                "<details class=\"commit\"><summary>commit message</summary><pre>\(esc(v.commitMessage.joined(separator: "\n")))</pre></details>\n"
        }
        let byIndex = v.commentsByIndex
        let patchComments = v.comments.filter { $0.placement == "patch" }
        if !patchComments.isEmpty {
            out += "<div class=\"patch-comments\"><h3>On the patch as a whole</h3>\n"
            for c in patchComments { comment(c, into: &out) }
            out += "</div>\n"
        }
        for (fi, f) in v.files.enumerated() {
            out +=
                "<div class=\"file\"><h3 class=\"path\">\(esc(f.path ?? "(unknown file)"))\(f.pathInferred ? " <small>(path inferred)</small>" : "")</h3>\n"
            for i in f.comments { if let c = byIndex[i] { comment(c, into: &out) } }
            for (hi, h) in f.hunks.enumerated() {
                let failed = h.application.failed ? " failed" : ""
                out +=
                    "<div class=\"hunk\(failed)\"><div class=\"hunk-head\"><code>\(esc(h.header ?? "(header-less fragment)"))</code> <span class=\"how\">\(esc(ReportTextRenderer.application(h.application)))</span></div>\n"
                for i in h.comments { if let c = byIndex[i] { comment(c, into: &out) } }
                out +=
                    "<table class=\"diff\"><colgroup><col class=\"n\"><col class=\"n\"><col class=\"c\"><col class=\"x\"></colgroup><tbody>\n"
                for (li, l) in h.lines.enumerated() {
                    let notable = l.findings.filter { v.findings[$0].isNotable }
                    let has = !l.comments.isEmpty || !notable.isEmpty
                    out += "<tr class=\"line \(esc(l.kind))\(has ? " annotated" : "")\" id=\"\(id)-l\(fi)-\(hi)-\(li)\""
                    if let n = l.oldLine { out += " data-old=\"\(n)\"" }
                    if let n = l.newLine { out += " data-new=\"\(n)\"" }
                    out +=
                        "><td class=\"num\">\(l.oldLine.map(String.init) ?? "")</td><td class=\"num\">\(l.newLine.map(String.init) ?? "")</td>"
                    out +=
                        "<td class=\"code\"><code>\(esc(FindingWords.sign(l.kind) + l.text))</code></td><td class=\"notes\">"
                    for i in l.comments { if let c = byIndex[i] { comment(c, into: &out) } }
                    for fid in notable { finding(v.findings[fid], v, into: &out) }
                    out += "</td></tr>\n"
                }
                out += "</tbody></table></div>\n"
            }
            out += "</div>\n"
        }
        functions(v, into: &out)
        if !v.meetings.isEmpty {
            out += "<h3>Reviewers and checker</h3>\n<ul class=\"meetings\">\n"
            for m in v.meetings {
                let f = v.findings[m.finding]
                let on =
                    f.patchLine.map {
                        " on <code>\(esc(FindingWords.sign($0.kind) + VerdictWriter.squeezed($0.text)))</code>"
                    } ?? ""
                let who = m.comments.compactMap { byIndex[$0] }.map { "\(esc(FindingWords.author($0))) (#\($0.index))" }
                let link = m.lines.first.map { " <a href=\"#\(id)-l\($0.file)-\($0.hunk)-\($0.line)\">line</a>" } ?? ""
                out +=
                    "<li class=\"meeting \(esc(m.kind))\"><span class=\"kind\">\(esc(m.kind))</span> \(esc(f.verdict)) <code>\(esc(f.invariant))</code>\(on)\(who.isEmpty ? "" : " — " + who.joined(separator: ", "))\(link)</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
    }

    static func functions(_ v: ReportVersion, into out: inout String) {
        guard !v.functions.isEmpty else { return }
        out +=
            "<h3>Functions</h3>\n<table class=\"analysis\"><thead><tr><th>function</th><th>run</th><th>starting states</th><th>paths</th><th>bounds hit</th><th>unknown calls</th><th>holds</th></tr></thead><tbody>\n"
        for fn in v.functions {
            let mine = fn.findings.map { v.findings[$0] }
            if fn.analysis.isEmpty {
                out += "<tr><td><code>\(esc(fn.name))()</code></td><td colspan=\"6\">not checked</td></tr>\n"
            }
            for a in fn.analysis {
                let run = a.kind + (a.configuration.isEmpty ? "" : " " + a.configuration.joined(separator: " "))
                out +=
                    "<tr><td><code>\(esc(fn.name))()</code></td><td>\(esc(run))</td><td>\(a.scenarios)</td><td>\(a.paths)</td>"
                out +=
                    "<td>\(a.boundsHit.map(esc).joined(separator: "<br>"))</td><td>\(esc(a.unknownCalls.joined(separator: ", ")))</td>"
                out += "<td>\(esc(FindingWords.holding(mine, kind: a.kind).joined(separator: ", ")))</td></tr>\n"
            }
        }
        out += "</tbody></table>\n"
        for fn in v.functions {
            out +=
                "<details class=\"source\"><summary><code>\(esc(fn.name))()</code> \(esc(fn.file)):\(fn.startLine)-\(fn.endLine)\(fn.changed ? " (patched)" : "")</summary><pre><code>\(esc(fn.source))</code></pre></details>\n"
            let elsewhere = fn.findings.map { v.findings[$0] }.filter { $0.isNotable && $0.at == nil }
            if !elsewhere.isEmpty {
                out += "<div class=\"elsewhere\"><p>In \(esc(fn.name))(), not on a diff line:</p>\n"
                for f in elsewhere { finding(f, v, into: &out) }
                out += "</div>\n"
            }
        }
        let orphans = v.orphanFindings
        if !orphans.isEmpty {
            out += "<div class=\"elsewhere\"><p>Elsewhere:</p>\n"
            for f in orphans { finding(f, v, into: &out) }
            out += "</div>\n"
        }
    }

    static func comment(_ c: ReportComment, into out: inout String) {
        let via = c.viaDiscussion ? " <small>(in the discussion of this line)</small>" : ""
        out +=
            "<div class=\"comment\" data-comment=\"\(c.index)\"><div class=\"who\">\(esc(FindingWords.author(c))) <small>#\(c.index)\(c.date.flatMap(FindingWords.day).map { ", " + esc($0) } ?? "")</small>\(via)</div>"
        out += "<pre class=\"text\">\(esc(c.text))</pre></div>\n"
    }

    static func finding(_ f: ReportFinding, _ v: ReportVersion, into out: inout String) {
        let meeting = v.meetings.first { $0.finding == f.id }
        out +=
            "<div class=\"finding \(esc(f.verdict)) \(esc(f.kind))\" data-finding=\"\(f.id)\" data-invariant=\"\(esc(f.invariant))\">"
        out +=
            "<div class=\"head\"><span class=\"mark\">\(esc(FindingWords.mark(f.verdict)))</span> \(esc(FindingWords.headline(f)))"
        if let meeting {
            out +=
                meeting.kind == "agree"
                ? " <span class=\"meet agree\">agrees with \(meeting.comments.map { "#\($0)" }.joined(separator: ", "))</span>"
                : " <span class=\"meet checker-only\">checker only</span>"
        }
        out +=
            "</div><p class=\"message\">\(prose(f.message)) <small>(\(esc(f.line.map { "\(f.file):\($0)" } ?? f.file)))</small></p>"
        if f.at == nil, let p = f.patchLine {
            out +=
                "<p class=\"on\">on the patch line <code>\(esc(FindingWords.sign(p.kind) + VerdictWriter.squeezed(p.text)))</code></p>"
        }
        if !f.removedLines.isEmpty {
            out +=
                "<p class=\"follows\">follows from removing "
                + f.removedLines.prefix(6).map { "<code>-\(esc(VerdictWriter.squeezed($0.text)))</code>" }.joined(
                    separator: ", ") + "</p>"
        }
        if let reason = f.reason { out += "<p class=\"reason\">because \(prose(reason))</p>" }
        if let c = f.counterexample {
            out +=
                "<details class=\"trace\"><summary>counterexample trace (\(c.path.count + c.omittedSteps) steps)</summary>"
            out += "<p>start: <code>\(esc(c.initialState))</code></p>"
            if !c.choices.isEmpty {
                out += "<ul class=\"choices\">" + c.choices.map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
            }
            out += "<ol class=\"path\">"
            for (k, s) in c.path.enumerated() {
                if c.omittedSteps > 0 && k == c.path.count / 2 {
                    out += "<li class=\"gap\">… \(c.omittedSteps) steps omitted …</li>"
                }
                let cls =
                    s.patch?.first.map { $0 == "+" ? " class=\"added\"" : $0 == "-" ? " class=\"removed\"" : "" } ?? ""
                let fn = s.function == f.function ? "" : "\(s.function):"
                out += "<li\(cls)><span class=\"ln\">\(esc(fn))\(s.line)</span> <code>\(esc(s.text))</code></li>"
            }
            out += "</ol><p>state then: <code>\(esc(c.finalState))</code></p></details>"
        }
        out += "</div>\n"
    }

    /// Escaped prose whose `code spans` (the checker writes C that way) show as code.
    static func prose(_ s: String) -> String {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false)
        // An odd count of backticks leaves the last span open: show it as written.
        guard parts.count % 2 == 1 else { return esc(s) }
        return parts.enumerated().map { i, p in i % 2 == 1 ? "<code>\(esc(String(p)))</code>" : esc(String(p)) }
            .joined()
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }

    /// Text and attribute values alike.
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline cannot appear in HTML text.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" || ch.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    static let css = """
        :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --add:#dafbe1; --del:#ffebe9; --bad:#cf222e;
          --warn:#9a6700; --info:#0969da; --ok:#1a7f37; --note:#f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
        main { padding: 0 24px 48px; max-width: 1500px; }
        h1 { font-size: 22px; margin: 18px 0 6px; } h2 { font-size: 18px; margin: 24px 0 6px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
        .meta, .people { color: var(--muted); margin: 4px 0; }
        nav#versions { position: sticky; top: 0; z-index: 2; background: #f6f8fa; border-bottom: 1px solid var(--line);
          padding: 8px 24px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
        .nav-label { color: var(--muted); margin-right: 4px; }
        .version-tab { border: 1px solid var(--line); border-radius: 6px; padding: 3px 9px; text-decoration: none;
          color: var(--fg); background: #fff; }
        .version-tab.active { border-color: var(--info); box-shadow: 0 0 0 1px var(--info) inset; }
        .version-tab .status { font-size: 11px; padding: 0 5px; border-radius: 8px; background: #eef1f4; }
        .version-tab.violations .status, .version-tab.does-not-apply .status { background: var(--del); color: var(--bad); }
        .version-tab.clean .status { background: var(--add); color: var(--ok); }
        .version-tab.inconclusive .status { background: #fff8c5; color: var(--warn); }
        table.messages, table.analysis { border-collapse: collapse; margin: 6px 0; }
        table.messages td, table.messages th, table.analysis td, table.analysis th { border: 1px solid var(--line);
          padding: 3px 8px; text-align: left; vertical-align: top; }
        .verdict { padding: 8px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--note); }
        .verdict.violations, .verdict.does-not-apply { border-color: var(--bad); background: #fff5f5; }
        .verdict.clean { border-color: var(--ok); background: #f4fbf6; }
        .verdict.inconclusive { border-color: var(--warn); background: #fffbe6; }
        .file { margin: 14px 0; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
        .file > h3.path { margin: 0; padding: 6px 10px; background: #f6f8fa; border-bottom: 1px solid var(--line);
          font-family: ui-monospace, monospace; }
        .hunk-head { padding: 4px 10px; background: #ddf4ff; color: #0550ae; border-top: 1px solid var(--line); }
        .hunk.failed .hunk-head { background: var(--del); color: var(--bad); }
        .hunk-head .how { color: var(--muted); font-size: 12px; margin-left: 8px; }
        table.diff { width: 100%; border-collapse: collapse; table-layout: fixed; }
        table.diff col.n { width: 4.2em; } table.diff col.c { width: 50%; } table.diff col.x { width: auto; }
        table.diff td { padding: 0 6px; vertical-align: top; }
        td.num { color: var(--muted); text-align: right; font-family: ui-monospace, monospace; font-size: 12px;
          user-select: none; }
        td.code code { white-space: pre-wrap; word-break: break-word; }
        tr.added td.code, tr.added td.num { background: var(--add); }
        tr.removed td.code, tr.removed td.num { background: var(--del); }
        tr.annotated td { border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
        tr.annotated td.code { font-weight: 600; }
        td.notes { background: #fcfcfd; border-left: 1px solid var(--line); padding: 2px 8px; }
        .comment { border-left: 3px solid var(--info); background: #f1f8ff; padding: 4px 8px; margin: 4px 0; border-radius: 0 4px 4px 0; }
        .comment .who { font-weight: 600; color: #0550ae; }
        .comment pre.text { font-size: 12px; }
        .finding { border-left: 3px solid var(--muted); background: var(--note); padding: 4px 8px; margin: 4px 0; border-radius: 0 4px 4px 0; }
        .finding.violated { border-color: var(--bad); background: #fff5f5; }
        .finding.violated .head { color: var(--bad); }
        .finding.unknown { border-color: var(--warn); background: #fffbe6; }
        .finding.unknown .head { color: var(--warn); }
        .finding.info { border-color: var(--info); }
        .finding.base { opacity: 0.8; border-style: dashed; }
        .finding .head { font-weight: 600; }
        .finding p { margin: 3px 0; }
        .meet { font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 8px; margin-left: 4px; }
        .meet.agree { background: var(--add); color: var(--ok); }
        .meet.checker-only { background: #fbefff; color: #8250df; }
        details.trace summary, details.source summary, details.commit summary, details.discussion summary { cursor: pointer; color: var(--info); }
        ol.path { margin: 4px 0; padding-left: 2.2em; font-size: 12px; }
        ol.path li.added code { background: var(--add); } ol.path li.removed code { background: var(--del); }
        ol.path li.gap { list-style: none; color: var(--muted); }
        ol.path .ln { color: var(--muted); font-family: ui-monospace, monospace; }
        details.source pre { background: var(--note); padding: 8px; border: 1px solid var(--line); border-radius: 6px; }
        ul.meetings li { margin: 3px 0; }
        .meeting .kind { font-weight: 600; display: inline-block; min-width: 7.5em; }
        .meeting.checker-only .kind { color: #8250df; } .meeting.agree .kind { color: var(--ok); }
        .elsewhere { margin: 8px 0; }
        tr.line { scroll-margin-top: 64px; }
        .diagnostic { color: var(--warn); }
        """

    /// The version switcher: shows the version named in the URL's fragment (or the first), hides
    /// the others; the links work without it.
    static let script = """
        (function () {
          var tabs = Array.prototype.slice.call(document.querySelectorAll('#versions .version-tab'));
          var sections = Array.prototype.slice.call(document.querySelectorAll('section.version'));
          if (!tabs.length) return;
          function show(id) {
            var known = sections.some(function (s) { return s.id === id; });
            if (!known) id = sections[0].id;
            sections.forEach(function (s) { s.hidden = s.id !== id; });
            tabs.forEach(function (t) { t.classList.toggle('active', t.getAttribute('data-version') === id); });
          }
          tabs.forEach(function (t) {
            t.addEventListener('click', function (e) {
              e.preventDefault();
              history.replaceState(null, '', '#' + t.getAttribute('data-version'));
              show(t.getAttribute('data-version'));
            });
          });
          function fromHash() {
            var h = decodeURIComponent(location.hash.slice(1));
            var target = document.getElementById(h);
            var owner = target && target.closest ? target.closest('section.version') : null;
            show(owner ? owner.id : h);
            // A line link scrolls to its row; a version link shows the version from its top.
            if (target && owner && target !== owner) target.scrollIntoView();
            else window.scrollTo(0, 0);
          }
          window.addEventListener('hashchange', fromHash);
          fromHash();
        })();

        """
}
