import Foundation
import Testing

@testable import Report

/// The reply mail: headers that continue the thread, kernel quoting, only hunks with findings,
/// prose at 72 columns.
@Suite struct ReplyMailTests {
    struct Mail {
        var headers: [String]
        var body: [String]
    }

    static func split(_ text: String) throws -> [Mail] {
        var mails: [Mail] = []
        var chunks: [[String]] = [[]]
        for l in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if l.hasPrefix("From mmreview ") {
                if !chunks[chunks.count - 1].isEmpty { chunks.append([]) }
                continue
            }
            chunks[chunks.count - 1].append(l)
        }
        for c in chunks {
            let blank = try #require(c.firstIndex(of: ""))
            mails.append(Mail(headers: Array(c[..<blank]), body: Array(c[(blank + 1)...])))
        }
        return mails
    }

    /// Every rule a sendable reply keeps, checked on one thread's reply.
    static func checkReply(_ r: ReviewReport) throws {
        let text = ReplyMailRenderer.render([r])
        let mails = try split(text)
        let worth = r.versions.filter { v in
            v.verdict.failedHunks > 0
                || v.findings.contains { $0.kind == "patched" && ($0.verdict == "violated" || $0.verdict == "info") }
        }
        #expect(mails.count == max(1, worth.count))
        for (k, m) in mails.enumerated() {
            let subject = try #require(m.headers.first { $0.hasPrefix("Subject: ") })
            #expect(subject.hasPrefix("Subject: Re: "))
            #expect(!subject.hasPrefix("Subject: Re: Re:"))
            #expect(m.headers.allSatisfy { $0.contains(": ") || $0.hasPrefix("    ") })
            for l in m.body {
                if l.hasPrefix(">") {
                    #expect(l == ">" || l.hasPrefix("> "), "quoted line \(l)")
                } else {
                    #expect(l.count <= 72, "prose line over 72 columns: \(l)")
                }
            }
            let quoted = m.body.filter { $0.hasPrefix("> ") }
            guard k < worth.count else {
                #expect(quoted.isEmpty)
                continue
            }
            let v = worth[k]
            // The quoted hunks are exactly those with a finding to report on one of their lines.
            let withFindings = v.files.flatMap { f in
                f.hunks.filter { h in
                    h.lines.contains { l in
                        l.findings.contains {
                            v.findings[$0].kind == "patched" && ["violated", "info"].contains(v.findings[$0].verdict)
                        }
                    }
                }
            }
            let quotedHeaders = quoted.filter { $0.hasPrefix("> @@") }.map { String($0.dropFirst(2)) }
            #expect(quotedHeaders == withFindings.compactMap(\.header))
            if !quoted.isEmpty {
                let first = try #require(m.body.firstIndex { $0.hasPrefix("> ") })
                #expect(first > 0 && m.body[first - 1].hasSuffix("wrote:"))
            }
            // Every quoted diff line is a line of a hunk with findings, as written.
            let allowed = Set(withFindings.flatMap { h in h.lines.map { "> " + sign($0.kind) + $0.text } })
            for q in quoted
            where !q.hasPrefix("> @@") && !q.hasPrefix("> ---") && !q.hasPrefix("> +++") && q != "> [...]" {
                #expect(allowed.contains(q), "quoted line not from a hunk with findings: \(q)")
            }
        }
    }

    static func sign(_ kind: String) -> String {
        kind == "added" ? "+" : kind == "removed" ? "-" : kind == "no-newline" ? "\\" : " "
    }

    @Test(arguments: ReportFixtures.seeds)
    func seedReplyKeepsTheRules(_ seed: String) throws {
        try Self.checkReply(ReportFixtures.seed(seed))
    }

    @Test func seed000ReplyQuotesTheLinesWithFindings() throws {
        let text = ReplyMailRenderer.render([ReportFixtures.seed("000_d01b7560f6bfaef0")])
        #expect(text.contains("On Tue, Aug 11, 2020 at 09:23:04PM +0000, Linus Torvalds wrote:"))
        #expect(text.contains("> + unlock_page(page);"))
        #expect(text.contains("Jan Kara already questioned this"))
        #expect(text.contains("I think this is broken: unlock_page(page0)"))
        #expect(text.contains("> [...]"))
        // The removed lines far from any finding are not quoted.
        #expect(!text.contains("> - lock_page(vmf->page);"))
    }

    /// Several mails come as an mbox: a separator line before each, and body lines that would
    /// read as separators escaped (mboxrd).
    @Test func severalMailsMakeAnMbox() throws {
        var r = ReportFixtures.seed("000_d01b7560f6bfaef0")
        let single = ReplyMailRenderer.render([r])
        #expect(!single.hasPrefix("From mmreview "))
        r.versions[0].findings[0].message = "x\nFrom here on it is a trap"
        let text = ReplyMailRenderer.render([r, ReportFixtures.seed("000_d01b7560f6bfaef0")])
        let separators = text.split(separator: "\n").filter { $0.hasPrefix("From mmreview ") }
        #expect(separators.count == 2)
        #expect(text.hasPrefix("From mmreview "))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("From ") && !$0.hasPrefix("From mmreview ") })
        #expect(text.contains("\n>From here on it is a trap"))
        #expect(try Self.split(text).count == 2)
    }

    @Test func proseWrapsAt72AndKeepsCodeSpansWhole() {
        let long = String(repeating: "x", count: 100)
        let s =
            "Because `page_mapcount(page) != 1` and a very long explanation follows here so that the "
            + "line must break somewhere reasonable, \(long)\n\nA second paragraph."
        let lines = ProseWrapper.wrap(s, width: 72)
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.contains { $0.contains("`page_mapcount(page) != 1`") })
        #expect(lines.contains(String(repeating: "x", count: 72)))
        #expect(lines.contains(""))
        #expect(lines.last == "A second paragraph.")
    }

    @Test func attributionLineIsMuttStyle() {
        #expect(
            MailAttribution.line(author: "Linus Torvalds", date: "2020-08-11T21:23:04Z")
                == "On Tue, Aug 11, 2020 at 09:23:04PM +0000, Linus Torvalds wrote:")
        #expect(
            MailAttribution.line(author: "A", date: "2014-04-08T00:05:00Z")
                == "On Tue, Apr 08, 2014 at 12:05:00AM +0000, A wrote:")
        #expect(MailAttribution.line(author: "B", date: "Thu, 3 Feb 2005") == "On Thu, 3 Feb 2005, B wrote:")
        #expect(MailAttribution.line(author: "C", date: nil) == "C wrote:")
    }
}
