import Foundation
import Report
import Testing

/// Markdown and HTML of every seed have the structure a reader relies on.
@Suite struct MarkdownAndHTMLTests {
    @Test(arguments: ReportFixtures.seeds)
    func markdownStructure(_ seed: String) throws {
        let r = ReportFixtures.seed(seed)
        let md = MarkdownRenderer.render(r)
        #expect(md.hasPrefix("# Report: "))
        for v in r.versions {
            #expect(md.contains("## Patch #\(v.patchIndex): "))
            #expect(md.contains("**Verdict: \(v.verdict.status.uppercased())**"))
        }
        // Fences open and close in pairs, at the top level and inside quotes alike.
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        let top = lines.filter { $0.hasPrefix("```") }.count
        let quoted = lines.filter { $0.hasPrefix("> ```") }.count
        #expect(top % 2 == 0 && quoted % 2 == 0)
        // Each comment placed on a line comes after that line's diff text.
        for v in r.versions {
            for c in v.comments where c.placement == "line" {
                let a = try #require(c.at)
                let l = v.files[a.file].hunks[a.hunk].lines[a.line]
                let diffLine = "\n" + sign(l.kind) + l.text + "\n"
                let lineAt = try #require(md.range(of: diffLine))
                let commentAt = try #require(
                    md.range(of: "comment #\(c.index)", range: lineAt.upperBound..<md.endIndex))
                #expect(commentAt.lowerBound > lineAt.upperBound)
            }
        }
    }

    func sign(_ kind: String) -> String {
        kind == "added" ? "+" : kind == "removed" ? "-" : kind == "no-newline" ? "\\" : " "
    }

    /// The row of each diff line holds its own comments and findings, nobody else's.
    @Test(arguments: ReportFixtures.seeds)
    func htmlRowsHoldTheirCommentsAndFindings(_ seed: String) throws {
        let r = ReportFixtures.seed(seed)
        let html = HTMLRenderer.render([r])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<nav id=\"versions\""))
        for v in r.versions {
            let id = "r0-p\(v.patchIndex)"
            #expect(html.contains("<section class=\"version\" id=\"\(id)\""))
            #expect(html.contains("href=\"#\(id)\""))
            for (fi, f) in v.files.enumerated() {
                for (hi, h) in f.hunks.enumerated() {
                    for (li, l) in h.lines.enumerated() {
                        let row = try #require(Self.row(html, id: "\(id)-l\(fi)-\(hi)-\(li)"))
                        let notable = l.findings.filter { v.findings[$0].isNotable }
                        for c in l.comments { #expect(row.contains("data-comment=\"\(c)\"")) }
                        for fid in notable { #expect(row.contains("data-finding=\"\(fid)\"")) }
                        let comments = row.components(separatedBy: "class=\"comment\"").count - 1
                        let findings = row.components(separatedBy: "class=\"finding ").count - 1
                        #expect(comments == l.comments.count)
                        #expect(findings == notable.count)
                        if let fid = notable.first, v.findings[fid].counterexample != nil {
                            #expect(row.contains("<details class=\"trace\">"))
                        }
                    }
                }
            }
        }
    }

    /// One file, nothing fetched: no external scripts, styles, images or fonts.
    @Test(arguments: ReportFixtures.seeds)
    func htmlIsSelfContained(_ seed: String) {
        let html = HTMLRenderer.render([ReportFixtures.seed(seed)])
        for needle in ["<link", " src=", "@import", "url(", "<iframe", "<img"] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(html.components(separatedBy: "<style>").count == 2)
    }

    static func row(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.lowerBound])
    }
}
