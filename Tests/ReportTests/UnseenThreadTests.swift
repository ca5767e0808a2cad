import Foundation
import Report
import Testing

/// Threads the report was not written against: real review mail, a bare patch, hostile text.
@Suite struct UnseenThreadTests {
    static let realMail = [
        "Tests/MailTests/Fixtures/real-mail/009_pf-scalability-defer-ptl-marcelo.eml",
        "Tests/MailTests/Fixtures/real-mail/015_head-mapcount-willy.eml",
        "Tests/MailTests/Fixtures/real-mail/024_madv-pageout-shared-swap-minchan.eml",
        "Tests/MailTests/Fixtures/real-mail/036_kill-page-lru-list-willy.eml",
    ]

    static func renderAll(_ r: ReviewReport) throws {
        let text = ReportTextRenderer.render(r)
        #expect(text.hasPrefix("Report: "))
        #expect(!MarkdownRenderer.render(r).isEmpty)
        let html = HTMLRenderer.render([r])
        #expect(html.hasSuffix("</html>\n"))
        try ReplyMailTests.checkReply(r)
        let json = try JSONValue.parse(Data(try ReportJSON.encode(r)))
        let problems = JSONSchemaTests.schema.validate(json)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
        for v in r.versions {
            #expect(text.contains("Verdict: \(v.verdict.status.uppercased())"))
        }
    }

    @Test(arguments: realMail)
    func realMailReports(_ path: String) throws {
        let r = try ReportFixtures.build(path)
        #expect(!r.thread.messages.isEmpty)
        #expect(r.summary.comments == r.versions.reduce(0) { $0 + $1.comments.count } + r.threadComments.count)
        try Self.renderAll(r)
    }

    /// A bare patch (no mail around it) with the bug be068f29034f fixed: the checker alone
    /// sees it, and the reply quotes its line.
    @Test func barePatch() throws {
        let r = try ReportFixtures.build("Tests/CheckerTests/Fixtures/seeded/unlock-after-reuse.patch")
        #expect(r.hasFindings)
        let v = try #require(r.versions.first)
        let unpin = try #require(v.findings.first { $0.invariant == "ref.use-after-unpin" && $0.verdict == "violated" })
        #expect(v.meetings.contains { $0.finding == unpin.id && $0.kind == "checker-only" })
        try Self.renderAll(r)
        let reply = ReplyMailRenderer.render([r])
        #expect(
            reply.contains("> +\tunlock_page(page);") || reply.contains("> + unlock_page(page);")
                || reply.contains("> +unlock_page(page);") || reply.contains("unlock_page(page);"))
    }

    /// Markup in a subject, commit message and diff is text in every format; a hunk that cannot
    /// apply is a finding and the reply says so.
    @Test func hostileTextIsEscapedAndFailedHunksCount() throws {
        let mail = """
            From nobody Mon Sep 17 00:00:00 2001
            From: Eve <eve@example.com>
            Subject: [PATCH] mm: <script>alert(1)</script> & "quotes"
            Date: Mon, 1 Jan 2024 00:00:00 +0000
            Message-ID: <evil@example.com>

            Commit text </td></tr><b>bold</b> and `unbalanced

            ---
            diff --git a/mm/memory.c b/mm/memory.c
            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1,3 +1,3 @@ static int <img src=x onerror=alert(2)>(void)
             no such line in any base
            -nor this one
            +<script>alert(3)</script>
             nor this
            -- 
            2.40.0

            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mmreview-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("evil.mbox")
        try Data(mail.utf8).write(to: file)
        let r = try ReportFixtures.build(file.path)
        let html = HTMLRenderer.render([r])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>bold"))
        #expect(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(r.summary.failedHunks == 1)
        #expect(r.hasFindings)
        #expect(r.versions.first?.verdict.status == "does-not-apply")
        let reply = ReplyMailRenderer.render([r])
        #expect(reply.contains("In-Reply-To: <evil@example.com>"))
        #expect(reply.contains("To: Eve <eve@example.com>"))
        #expect(reply.contains("I could not apply"))
        try Self.renderAll(r)
    }
}
