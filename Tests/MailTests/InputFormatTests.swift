import Foundation
import Testing

@testable import Mail

@Suite struct InputFormatTests {
    /// gzip of a one-message mbox (From: Gz <g@z>, Subject: zipped, body "body").
    static let gzipped = Array(
        Data(
            base64Encoded:
                "H4sIAAAAAAACA3Mrys9VSHRIUvDNz1MITi1QMDRXMDCwAiMFIwMDQy43oAorBfcqBZt0hyo7ruDSpKzU5BIrharMgoLUFC6upPyUSi4AMO4qCEcAAAA="
        )!)

    @Test func detection() {
        func detect(_ s: String) -> InputFormat { Array(s.utf8).withUnsafeBufferPointer(FormatDetector.detect) }
        #expect(detect("From a@b Mon Sep 17 00:00:00 2001\nSubject: x\n\nb\n") == .mbox)
        #expect(detect("\n  \nFrom nobody Mon Sep 17 00:00:00 2001\n") == .mbox)
        #expect(detect("From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\nFrom: a\n") == .patch)
        #expect(detect("diff --git a/x b/x\n") == .patch)
        #expect(detect("--- a/x\n+++ b/x\n") == .patch)
        #expect(detect("Index: mm/x.c\n====\n") == .patch)
        #expect(detect("Subject: hi\nFrom: a@b\n folded\n\nbody\n") == .eml)
        #expect(detect("Hi all,\n\nthis is plain text\n") == .patch)
        #expect(detect("Re: [PATCH] mm: thing\n\nFrom: someone\n") == .render)
    }

    @Test func gzipIsInflatedThenDetected() {
        let archive = MailReader.read(bytes: Self.gzipped, name: "t.mbox.gz")
        #expect(archive.messages.count == 1)
        #expect(archive.messages.first?.subject == "zipped")
        #expect(archive.messages.first?.from == Address(name: "Gz", email: "g@z"))
        #expect(SyntheticMail.body(archive.messages.first) == "body\n")
        #expect(archive.diagnostics.isEmpty)
    }

    @Test func concatenatedGzipMembers() {
        let archive = MailReader.read(bytes: Self.gzipped + Self.gzipped, name: "two.gz")
        #expect(archive.messages.count == 2)
        #expect(archive.diagnostics.isEmpty)
    }

    @Test func damagedAndBoundedGzip() {
        let cut = MailReader.read(bytes: Array(Self.gzipped.prefix(30)), name: "cut.gz")
        #expect(cut.diagnostics.contains { $0.code == "gzip.damaged" && $0.severity == .error })
        var limits = ReadLimits()
        limits.maxInputBytes = 50
        let bounded = MailReader.read(bytes: Self.gzipped, name: "big.gz", limits: limits)
        #expect(bounded.diagnostics.contains { $0.code == "limit.input-bytes" })
        let garbage = MailReader.read(bytes: [0x1F, 0x8B] + Array(repeating: 0x42, count: 100), name: "bad.gz")
        #expect(garbage.diagnostics.contains { $0.code == "gzip.damaged" })
    }

    @Test func mboxoAndMboxrdQuoting() {
        let mboxo = SyntheticMail.bytes([
            "From a Mon Sep 17 00:00:00 2001", "Subject: o", "", ">From here", ">>From stays? no: mboxrd",
        ])
        // One `>>From ` line makes the archive mboxrd: both lines lose one `>`.
        let rd = MailReader.read(bytes: mboxo, name: "rd.mbox")
        #expect(SyntheticMail.body(rd.messages.first) == "From here\n>From stays? no: mboxrd\n")
        let plain = SyntheticMail.bytes([
            "From a Mon Sep 17 00:00:00 2001", "Subject: o", "", ">From here", "> From quoted",
        ])
        let o = MailReader.read(bytes: plain, name: "o.mbox")
        #expect(SyntheticMail.body(o.messages.first) == "From here\n> From quoted\n")
    }

    @Test func mboxSeparatorsNeedGitsDateShape() {
        let bytes = SyntheticMail.bytes([
            "From a@b Mon Sep 17 00:00:00 2001", "Subject: one", "", "From the start, this is body.",
            "From nobody in particular 12:00", "",
            "From mboxrd@z Thu Jan  1 00:00:00 1970", "Subject: two", "", "b",
        ])
        let archive = MailReader.read(bytes: bytes, name: "m.mbox")
        #expect(archive.messages.map(\.subject) == ["one", "two"])
        #expect(archive.messages.map(\.source.line) == [1, 7])
        #expect(archive.messages.allSatisfy { $0.source.file == "m.mbox" })
    }

    @Test func crlfMbox() {
        let bytes = SyntheticMail.bytes(
            [
                "From a Mon Sep 17 00:00:00 2001", "Subject: c", "", "line", ">From q", "",
                "From b Mon Sep 17 00:00:00 2001", "Subject: d", "", "x",
            ],
            crlf: true)
        let archive = MailReader.read(bytes: bytes, name: "crlf.mbox")
        #expect(archive.messages.map(\.subject) == ["c", "d"])
        #expect(SyntheticMail.body(archive.messages.first) == "line\nFrom q\n\n")
    }

    @Test func barePatchAndFormatPatchSeries() {
        let diff = MailReader.read(bytes: Array("diff --git a/x b/x\r\n--- a/x\r\n+++ b/x\r\n".utf8), name: "x.diff")
        #expect(diff.messages.count == 1)
        #expect(SyntheticMail.body(diff.messages.first) == "diff --git a/x b/x\n--- a/x\n+++ b/x\n")
        #expect(diff.messages.first?.subject == "")
        let series = SyntheticMail.bytes([
            "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001", "From: P <p@x>",
            "Date: Fri, 9 Jun 2006 00:44:16 -0700", "Subject: [PATCH 1/2] one", "", ">From kept", "---",
            "From 1123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001", "From: P <p@x>",
            "Subject: [PATCH 2/2] two", "", "b",
        ])
        let archive = MailReader.read(bytes: series, name: "series.patch")
        #expect(archive.messages.map(\.subject) == ["[PATCH 1/2] one", "[PATCH 2/2] two"])
        #expect(archive.messages.first?.date?.epochSeconds == 1_149_839_056)
        #expect(SyntheticMail.body(archive.messages.first).hasPrefix(">From kept\n"))
    }

    @Test func plainTextIsKeptWhole() {
        let archive = MailReader.read(bytes: Array("Some text\r\nmore\n".utf8), name: "r.txt")
        #expect(archive.messages.count == 1)
        #expect(archive.messages.first?.isRender == false)
        #expect(SyntheticMail.body(archive.messages.first) == "Some text\nmore\n")
        #expect(archive.diagnostics.contains { $0.code == "input.plain-text" })
    }

    @Test func renderIsDetected() {
        let render = "Re: [PATCH] mm: x\n\nFrom: A Person\nDate: Fri Aug 21 2020 - 06:13:37 EST\n\n\nbody\n"
        let archive = MailReader.read(bytes: Array(render.utf8), name: "r.txt")
        #expect(archive.messages.first?.isRender == true)
        #expect(archive.messages.first?.subject == "Re: [PATCH] mm: x")
    }

    @Test func pathErrors() throws {
        #expect(throws: MailError.self) { try MailReader.read(path: "/nonexistent/dir/mail.mbox") }
        do {
            _ = try MailReader.read(path: "/nonexistent/x")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/x: error: cannot read: "))
        }
        let file = FixtureFiles.path("peer-mail/git/info-from.in")
        #expect(throws: MailError.self) { try MailReader.read(path: file, format: .maildir) }
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mailtests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func maildirAndFolders() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let md = root.appendingPathComponent("box")
        try Self.write("Subject: new-b\n\nx\n", md.appendingPathComponent("new/200.b"))
        try Self.write("Subject: cur-a\n\nx\n", md.appendingPathComponent("cur/100.a:2,S"))
        try Self.write("Subject: cur-b\n\nx\n", md.appendingPathComponent("cur/300.c:2,"))
        try Self.write("Subject: unfinished\n\nx\n", md.appendingPathComponent("tmp/999.x"))
        let maildir = try MailReader.read(path: md.path)
        #expect(maildir.messages.map(\.subject) == ["cur-a", "cur-b", "new-b"])
        #expect(try MailReader.read(path: md.path, format: .maildir).messages.count == 3)

        try Self.write(
            "From a Mon Sep 17 00:00:00 2001\nSubject: m1\n\nx\nFrom b Mon Sep 17 00:00:00 2001\nSubject: m2\n\ny\n",
            root.appendingPathComponent("a.mbox"))
        try Self.write("Subject: e\n\nx\n", root.appendingPathComponent("z/one.eml"))
        try Self.write("", root.appendingPathComponent("empty.eml"))
        try Self.write("hidden", root.appendingPathComponent(".hidden"))
        let folder = try MailReader.read(path: root.path)
        #expect(folder.messages.map(\.subject) == ["m1", "m2", "cur-a", "cur-b", "new-b", "e"])
        #expect(folder.diagnostics.contains { $0.code == "input.empty" && $0.location.file.hasSuffix("empty.eml") })
    }
}
