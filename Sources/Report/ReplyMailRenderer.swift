/// A plain-text reply a reviewer can send, one per patch version with something to say: the
/// headers continue the thread (`Re:` subject, In-Reply-To and References when the message id is
/// known, To the patch's author, Cc the others), the body quotes only the hunks with findings in
/// the kernel's style (`> `, an attribution line, `[...]` where lines are cut), and says each
/// finding as a reviewer would, in prose wrapped at 72 columns. Quoted code is never wrapped.
/// Several mails come as an mbox (`From ` separator lines).
public enum ReplyMailRenderer {
    public static let width = 72

    public static func render(_ reports: [ReviewReport], from: String? = nil) -> String {
        var mails: [String] = []
        for r in reports { mails += Self.mails(r, from: from) }
        if mails.count == 1 { return mails[0] }
        return mails.map { m in
            // mboxrd: body lines that look like separators are escaped.
            let body = m.split(separator: "\n", omittingEmptySubsequences: false).map { l in
                l.drop(while: { $0 == ">" }).hasPrefix("From ") ? ">" + l : String(l)
            }
            return "From mmreview Mon Sep 17 00:00:00 2001\n" + body.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The mails for one thread: one per version with findings (a violation or info in the
    /// patched code, or a hunk that did not apply); when none has any, one short all-clear.
    public static func mails(_ r: ReviewReport, from: String?) -> [String] {
        let worth = r.versions.filter { v in
            v.verdict.failedHunks > 0
                || v.findings.contains(where: \.isClaim)
        }
        if worth.isEmpty { return [allClear(r, from: from)] }
        return worth.map { mail(r, $0, from: from) }
    }

    // MARK: headers

    static func headers(_ r: ReviewReport, _ v: ReportVersion?, from: String?) -> [String] {
        let t = r.thread
        let messageIndex = v?.message ?? t.messages.last?.index
        let m = t.messages.first { $0.index == messageIndex }
        var h: [String] = []
        if let from, !from.isEmpty { h.append("From: \(from)") }
        // To whoever posted the patch (its author); Cc the others who took part.
        let toName = v?.author ?? m?.from
        let people = t.people
        let to = people.first { $0.name == toName }
        if let to, let e = to.email { h.append("To: \(address(to.name, e))") }
        let cc = people.filter { $0.name != to?.name && $0.email != nil && !(from?.contains($0.email!) ?? false) }
        if !cc.isEmpty { h.append("Cc: " + cc.map { address($0.name, $0.email!) }.joined(separator: ",\n    ")) }
        var subject = m?.subject ?? ""
        if subject.isEmpty { subject = v?.subject ?? t.subject }
        if subject.isEmpty {
            subject = "patch to " + (v?.files.compactMap(\.path).joined(separator: ", ") ?? "the tree")
        }
        h.append("Subject: Re: \(stripReplyPrefixes(subject))")
        if let id = m?.messageID {
            h.append("In-Reply-To: \(id)")
            h.append("References: \(id)")
        }
        h.append("MIME-Version: 1.0")
        h.append("Content-Type: text/plain; charset=utf-8")
        h.append("Content-Transfer-Encoding: 8bit")
        return h
    }

    static func address(_ name: String, _ email: String) -> String {
        let needsQuotes = name.contains { ",;:<>@\"()[].".contains($0) }
        let shown = needsQuotes ? "\"" + name.replacingOccurrences(of: "\"", with: "'") + "\"" : name
        return "\(shown) <\(email)>"
    }

    static func stripReplyPrefixes(_ s: String) -> String {
        var rest = Substring(s)
        for _ in 0..<8 {
            let trimmed = rest.drop(while: { $0 == " " })
            let lower = trimmed.lowercased()
            guard let p = ["re:", "aw:", "sv:", "re :"].first(where: { lower.hasPrefix($0) }) else { break }
            rest = trimmed.dropFirst(p.count)
        }
        return rest.trimmingCharacters()
    }

    // MARK: the reply to one version

    static func mail(_ r: ReviewReport, _ v: ReportVersion, from: String?) -> String {
        var body: [String] = []
        func prose(_ s: String) { body += ProseWrapper.wrap(s, width: width) }
        func blank() { if body.last != "" { body.append("") } }

        let anchored = v.findings.filter { $0.isClaim && $0.at != nil }
        let byComment = v.commentsByIndex
        if !anchored.isEmpty {
            body.append(MailAttribution.line(author: v.author, date: v.date))
            var quotedBefore = false
            for (fi, f) in v.files.enumerated() {
                var fileHeaderDone = false
                for (hi, h) in f.hunks.enumerated() {
                    let here = anchored.filter { $0.at!.file == fi && $0.at!.hunk == hi }
                    guard !here.isEmpty else { continue }
                    if quotedBefore {
                        blank()
                        body.append("> [...]")
                    }
                    if !fileHeaderDone, let path = f.path {
                        body.append("> --- a/\(path)")
                        body.append("> +++ b/\(path)")
                        fileHeaderDone = true
                    }
                    quoteHunk(h, fileIndex: fi, hunkIndex: hi, findings: here, v, byComment, into: &body)
                    quotedBefore = true
                }
            }
            blank()
        }
        // Findings in the patched functions that land on no diff line: said after the quotes.
        let elsewhere = v.findings.filter { $0.isClaim && $0.at == nil }
        for f in elsewhere {
            blank()
            prose("In \(f.function)() (\(f.file)), which this patch changes:")
            body.append("")
            findingProse(f, v, byComment, into: &body)
        }
        let failed = v.files.flatMap { f in f.hunks.filter { $0.application.failed }.map { (f.path, $0) } }
        if !failed.isEmpty {
            blank()
            let names = failed.map { "\($0.1.header ?? "a header-less hunk") in \($0.0 ?? "an unknown file")" }
            prose(
                "I could not apply \(VerdictWriter.list(names)) to \(v.base.name ?? "any base") "
                    + "(\(failed.compactMap { $0.1.application.error }.first ?? "no place matched")), "
                    + "so that part went unchecked.")
        }
        blank()
        prose(closing(v))
        return (headers(r, v, from: from) + [""] + trimBlank(body)).joined(separator: "\n") + "\n"
    }

    /// Quotes one hunk up to its last finding: a few lines before each finding's line and each
    /// removed line it follows from, `[...]` where lines are cut, the prose after each finding's
    /// line; nothing after the last.
    static func quoteHunk(
        _ h: ReportHunk, fileIndex: Int, hunkIndex: Int, findings: [ReportFinding], _ v: ReportVersion,
        _ byComment: [Int: ReportComment], into body: inout [String]
    ) {
        var keep = Set<Int>()
        var at: [Int: [ReportFinding]] = [:]
        for f in findings {
            let a = f.at!.line
            at[a, default: []].append(f)
            for k in max(0, a - 3)...a { keep.insert(k) }
            for r in f.followsFrom where r.file == fileIndex && r.hunk == hunkIndex {
                for k in max(0, r.line - 1)...r.line { keep.insert(k) }
            }
        }
        let last = at.keys.max()!
        if let header = h.header { body.append("> \(header)") }
        var cut = false
        for (i, l) in h.lines.enumerated() where i <= last {
            guard keep.contains(i) else {
                cut = true
                continue
            }
            if cut {
                body.append("> [...]")
                cut = false
            }
            body.append("> " + FindingWords.sign(l.kind) + l.text)
            if let here = at[i] {
                body.append("")
                for (k, f) in here.enumerated() {
                    if k > 0 { body.append("") }
                    findingProse(f, v, byComment, into: &body)
                }
                body.append("")
            }
        }
    }

    /// One finding in a reviewer's words.
    static func findingProse(
        _ f: ReportFinding, _ v: ReportVersion, _ byComment: [Int: ReportComment], into body: inout [String]
    ) {
        var lead: String
        if f.verdict == "info" {
            lead = "Nit: "
        } else if let m = v.meetings.first(where: { $0.finding == f.id && $0.kind == "agree" }) {
            let names = m.comments.compactMap { byComment[$0]?.author }
            var unique: [String] = []
            for n in names where !unique.contains(n) { unique.append(n) }
            lead =
                unique.isEmpty
                ? "This was questioned already, and I think rightly: "
                : "\(VerdictWriter.list(unique)) already questioned this, and I think rightly: "
        } else {
            lead = "I think this is broken: "
        }
        body += ProseWrapper.wrap(lead + sentence(f.message), width: width)
        if f.verdict == "violated" && !f.removedLines.isEmpty {
            let removed = f.removedLines.prefix(3).map { "`\(VerdictWriter.squeezed($0.text))`" }
            body.append("")
            body += ProseWrapper.wrap(
                "It follows from removing \(VerdictWriter.list(removed))\(f.removedLines.count > 3 ? " (and more)" : "").",
                width: width)
        }
        if let c = f.counterexample, f.verdict == "violated" {
            body.append("")
            var start = "A path that gets there, starting from \(c.initialState)"
            if !c.choices.isEmpty { start += ", when " + c.choices.joined(separator: "; ") }
            body += ProseWrapper.wrap(start + ":", width: width)
            body.append("")
            body += traceLines(c, function: f.function)
            body.append("")
            body += ProseWrapper.wrap("and it ends with \(c.finalState).", width: width)
        }
    }

    /// The path as code, the function's own lines and each call it makes, the last dozen steps
    /// (the end is where it goes wrong); indented, never wider than the mail.
    static func traceLines(_ c: ReportCounterexample, function: String) -> [String] {
        var steps: [String] = []
        var previousFunction = function
        for s in c.path {
            if s.function == function {
                let mark = s.patch?.first.map(String.init) ?? " "
                steps.append(mark + " " + VerdictWriter.squeezed(s.text))
            } else if s.function != previousFunction {
                steps.append("    -> \(s.function)()")
            }
            previousFunction = s.function
        }
        var shown = steps
        let limit = 8
        if shown.count > limit { shown = ["  ..."] + shown.suffix(limit) }
        return shown.map { l in
            let line = "    " + l
            return line.count > width ? String(line.prefix(width - 3)) + "..." : line
        }
    }

    /// The checker's message as the end of a sentence; its first word is often code
    /// (`unlock_page(page0) after ...`), so it is never capitalised.
    static func sentence(_ s: String) -> String {
        s.hasSuffix(".") || s.hasSuffix("?") || s.hasSuffix("!") ? s : s + "."
    }

    /// What was checked, so the author can weigh the mail.
    static func closing(_ v: ReportVersion) -> String {
        let runs = v.functions.flatMap { fn in fn.analysis.filter { $0.kind == "patched" }.map { (fn.name, $0) } }
        let names = VerdictWriter.list(runs.map { "\($0.0)()" })
        let paths = runs.reduce(0) { $0 + $1.1.paths }
        var s =
            runs.isEmpty
            ? "(The patched code could not be checked against the \(v.base.name ?? "model")."
            : "(Found by running \(names) over an abstract mm state on "
                + "\(VerdictWriter.count(paths, "path")), against the \(v.base.name ?? "model") model of the kernel"
        if runs.contains(where: { !$0.1.boundsHit.isEmpty }) {
            s += "; some bounds were hit, so not every path was seen"
        }
        return s + ".)"
    }

    // MARK: nothing to say

    static func allClear(_ r: ReviewReport, from: String?) -> String {
        var body: [String] = []
        let checked = r.versions.filter { v in v.functions.contains(where: \.isChecked) }
        if checked.isEmpty {
            body += ProseWrapper.wrap(
                "I could not check this patch: it changes no function the model of the kernel holds.", width: width)
        }
        for v in checked {
            let names = VerdictWriter.list(
                v.functions.filter(\.isChecked).map { "\($0.name)()" })
            var s =
                "I went through \(names) as changed by \"\(v.title.isEmpty ? v.subject : v.title)\" and found no problem"
            s +=
                v.verdict.unknown > 0
                ? ", though \(VerdictWriter.count(v.verdict.unknown, "question")) stayed open." : "."
            body += ProseWrapper.wrap(s, width: width)
            body.append("")
            body += ProseWrapper.wrap(closing(v), width: width)
            body.append("")
        }
        return (headers(r, checked.first ?? r.versions.first, from: from) + [""] + trimBlank(body))
            .joined(separator: "\n") + "\n"
    }

    static func trimBlank(_ lines: [String]) -> [String] {
        var l = lines
        while l.last == "" { l.removeLast() }
        while l.first == "" { l.removeFirst() }
        return l
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
