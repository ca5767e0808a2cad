import Foundation
import Report
import Testing

/// The seeds' HTML in a real browser: scripts/html-check.sh opens it in headless Chromium, takes
/// a screenshot and checks the DOM after the page's script ran; here the dumped DOM is also
/// checked against the report (each comment and finding in the row of its own line). Without a
/// browser the test is skipped, and says so loudly.
@Suite struct BrowserCheckTests {
    static let browser: String? = {
        if let b = ProcessInfo.processInfo.environment["CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: b) ? b : nil
        }
        for dir in ["/usr/bin", "/usr/local/bin", "/snap/bin"] {
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }()

    @Test func browserAvailabilityIsSaidLoudly() {
        if Self.browser == nil {
            let warning = """

                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                !!! WARNING: no Chromium installed: the report HTML was NOT checked in a  !!!
                !!! browser (BrowserCheckTests skipped). apt-get install chromium          !!!
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

                """
            FileHandle.standardError.write(Data(warning.utf8))
            print(warning)
        }
    }

    /// Seed 000 (comments and findings on one version) and seed 002 (two versions, opened at
    /// the second to exercise the switcher).
    @Test(
        .enabled(if: browser != nil, "no Chromium installed: HTML not checked in a browser"),
        .timeLimit(.minutes(5)),
        arguments: [("000_d01b7560f6bfaef0", nil), ("002_ae5048c6cf5fd9f4", "r0-p1")] as [(String, String?)])
    func seedInHeadlessChromium(_ seed: String, _ fragment: String?) throws {
        let r = ReportFixtures.seed(seed)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mmreview-html-check/\(seed)")
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let html = out.appendingPathComponent("input.html")
        try Data(HTMLRenderer.render([r]).utf8).write(to: html)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments =
            [ReportFixtures.repoRoot.appendingPathComponent("scripts/html-check.sh").path]
            + (fragment.map { ["--fragment", $0] } ?? []) + [html.path, out.path]
        var env = ProcessInfo.processInfo.environment
        env["CHROMIUM"] = Self.browser
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.standardError
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "html-check: \(message)")
        print("html-check \(seed): screenshot \(out.path)/report.png")

        let dom = try String(contentsOf: out.appendingPathComponent("dom.html"), encoding: .utf8)
        for v in r.versions {
            let id = "r0-p\(v.patchIndex)"
            for (fi, f) in v.files.enumerated() {
                for (hi, h) in f.hunks.enumerated() {
                    for (li, l) in h.lines.enumerated() where !l.comments.isEmpty || !l.findings.isEmpty {
                        let row = try #require(MarkdownAndHTMLTests.row(dom, id: "\(id)-l\(fi)-\(hi)-\(li)"))
                        for c in l.comments { #expect(row.contains("data-comment=\"\(c)\"")) }
                        for fid in l.findings where v.findings[fid].isNotable {
                            #expect(row.contains("data-finding=\"\(fid)\""))
                        }
                    }
                }
            }
        }
        if let fragment {
            #expect(dom.contains("<section class=\"version\" id=\"\(fragment)\" data-version=\"\(fragment)\">"))
        }
    }
}
