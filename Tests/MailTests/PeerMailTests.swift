import Foundation
import Testing

@testable import Mail

/// Checks against the peer tools' own test data (git t5100, patchwork, b4); see
/// Fixtures/peer-mail/MANIFEST.md for what each peer asserts.
@Suite struct PeerMailTests {
    static let peerFiles: [String] = {
        let root = FixtureFiles.root.appendingPathComponent("peer-mail").path
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".json") && !$0.hasSuffix("LICENSE-NOTE.md") }
            .filter { (try? FileInput.kind(of: root + "/" + $0)) == .file }.sorted()
    }()

    @Test(arguments: peerFiles)
    func everyPeerFileReads(_ file: String) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/" + file))
        let size = try FixtureFiles.bytes("peer-mail/" + file).count
        if size > 0 {
            #expect(!archive.messages.isEmpty, "\(file) gave no message")
        } else {
            #expect(archive.diagnostics.contains { $0.code == "input.empty" })
        }
        for message in archive.messages {
            #expect(String(validating: message.body, as: UTF8.self) != nil, "\(file): body is not UTF-8")
            #expect(!Self.hasCRLF(message.body), "\(file): CRLF left in a body")
        }
    }

    static func hasCRLF(_ bytes: [UInt8]) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == 0x0D && $1 == 0x0A }
    }

    // MARK: git t5100

    /// `Author:`, `Email:`, `Subject:`, `Date:` of a mailinfo info file.
    static func info(_ name: String) throws -> [String: String] {
        let text = String(decoding: try FixtureFiles.bytes("peer-mail/git/" + name), as: UTF8.self)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
            out[String(line[..<colon])] = String(value)
        }
        return out
    }

    /// git mailinfo's subject clean-up: leading `Re:` and `[...]` tags dropped, whitespace collapsed.
    static func gitSubject(_ s: String) -> String {
        var t = Substring(s.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        while true {
            let before = t
            t = t.drop { $0 == " " }
            if t.lowercased().hasPrefix("re:") { t = t.dropFirst(3) }
            if t.hasPrefix("["), let close = t.firstIndex(of: "]") { t = t[t.index(after: close)...] }
            if t == before { break }
        }
        return String(t)
    }

    @Test func sampleMboxSplitsInto18AtGitsLines() throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/sample.mbox"))
        #expect(archive.messages.count == 18)
        let starts = [4, 28, 68, 99, 218, 324, 395, 402, 413, 436, 471, 507, 559, 564, 653, 669, 686, 702]
        #expect(archive.messages.map(\.source.line) == starts)
    }

    /// Messages where git mailinfo takes author or subject from in-body `From:`/`Subject:` lines (or the
    /// first body line). That is a patch-layer decision; the Mail layer reports the mail's own
    /// headers, so here we check the header values and that git's values are in the body.
    static let inBodyOverrides: [Int: (author: String, email: String, subject: String)] = [
        3: ("Junio C Hamano", "junio@kernel.org", "another patch"),
        9: ("A U Thor", "a.u.thor@example.com", ""),
        10: ("Lukas Sandström", "lukass@etek.chalmers.se", "discussion that lead to this patch"),
        14: ("Junio Hamano", "junkio@cox.net", "Why doesn't git-am does not like >8 scissors mark?"),
    ]

    @Test(arguments: 1...18)
    func sampleMboxMatchesGitInfo(_ n: Int) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/sample.mbox"))
        let m = archive.messages[n - 1]
        let base = String(format: "info%04d", n)
        // Where git has a --no-inbody-headers variant, it is the one that describes the mail headers.
        let variant = base + "--no-inbody-headers"
        let exists = FileManager.default.fileExists(atPath: FixtureFiles.path("peer-mail/git/" + variant))
        let expected = try Self.info(exists ? variant : base)
        #expect(m.date?.raw == expected["Date"], "message \(n) date")
        #expect(m.date?.epochSeconds != nil, "message \(n) date parsed")
        if let override = Self.inBodyOverrides[n] {
            #expect(m.from.display == override.author)
            #expect(m.from.email == override.email)
            #expect(Self.gitSubject(m.subject) == override.subject)
            let body = String(decoding: m.body, as: UTF8.self)
            #expect(body.contains(expected["Subject"]!), "message \(n): git's subject is in the body")
            #expect(body.contains(expected["Email"]!) || expected["Email"] == override.email)
        } else {
            #expect(m.from.display == expected["Author"], "message \(n) author")
            #expect(m.from.email == expected["Email"], "message \(n) email")
            #expect(Self.gitSubject(m.subject) == expected["Subject"], "message \(n) subject")
        }
    }

    @Test func sampleMboxBodiesAreDecoded() throws {
        let m = try MailReader.read(path: FixtureFiles.path("peer-mail/git/sample.mbox")).messages
        // 5: QUOTED-PRINTABLE ISO8859-1 body; 11: multipart with a QP ISO8859-15 part.
        #expect(
            String(decoding: m[4].body, as: UTF8.self).contains("diff --git a/Documentation/git-cvsimport-script.txt"))
        #expect(!String(decoding: m[4].body, as: UTF8.self).contains("=\n"))
        #expect(String(decoding: m[10].body, as: UTF8.self).hasPrefix("Here comes a commit log message, and\n"))
        // 12: Russian subject over three folded UTF-8 B-words.
        #expect(Self.gitSubject(m[11].subject) == "Изменён список пакетов необходимых для сборки")
        #expect(m[11].messageID == "<1226501681-24923-1-git-send-email-bda@mnsspb.ru>")
        // 13: no body at all.
        #expect(m[12].body.isEmpty)
    }

    @Test(arguments: 1...11)
    func rfc2047SamplesMatchGitInfo(_ n: Int) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/rfc2047-samples.mbox"))
        #expect(archive.messages.count == 11)
        let m = archive.messages[n - 1]
        let expected = try Self.info(String(format: "rfc2047-info-%04d", n))
        #expect(m.from.display == (expected["Author"] ?? ""))
        #expect(m.from.email == (expected["Email"] ?? ""))
        #expect(Self.gitSubject(m.subject) == expected["Subject"])
        #expect(m.body.isEmpty)
    }

    @Test(arguments: [
        ("info-from", "info-from.expect"), ("quoted-string", "quoted-string.expect"), ("comment", "comment.expect"),
    ])
    func singleMailInfo(_ input: String, _ expectFile: String) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/\(input).in"))
        #expect(archive.messages.count == 1)
        let m = try #require(archive.messages.first)
        let expected = try Self.info(expectFile)
        #expect(m.from.display == expected["Author"])
        #expect(m.from.email == expected["Email"])
        #expect(Self.gitSubject(m.subject) == expected["Subject"])
        #expect(m.date?.raw == expected["Date"])
    }

    @Test func embeddedFromIsKeptInTheBody() throws {
        // git takes the in-body From/Date; we report the mail header and keep the body as written.
        let m = try #require(try MailReader.read(path: FixtureFiles.path("peer-mail/git/embed-from.in")).messages.first)
        #expect(m.from == Address(name: "Email Author", email: "email@example.com"))
        let body = String(decoding: m.body, as: UTF8.self)
        #expect(
            body.hasPrefix(
                ">From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001\nFrom: Commit Author <commit@example.com>\n"
            ))
    }

    @Test func formatPatchBodiesAreNotUnquoted() throws {
        // quoted-from.in is format-patch output: git writes body `From ` lines unquoted, so `>From` is content.
        let m = try #require(
            try MailReader.read(path: FixtureFiles.path("peer-mail/git/quoted-from.in")).messages.first)
        let expected = String(decoding: try FixtureFiles.bytes("peer-mail/git/quoted-from.expect"), as: UTF8.self)
        let body = String(decoding: m.body, as: UTF8.self)
        #expect(body.hasPrefix(expected.trimmingCharacters(in: .newlines) + "\n"))
    }

    @Test func mboxrdIsUnquotedOneLevel() throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/sample.mboxrd"))
        #expect(archive.messages.count == 2)
        #expect(archive.messages.map(\.source.line) == [1, 10])
        for (k, name) in ["0001mboxrd", "0002mboxrd"].enumerated() {
            let expected = String(decoding: try FixtureFiles.bytes("peer-mail/git/" + name), as: UTF8.self)
            let body = String(decoding: archive.messages[k].body, as: UTF8.self)
            #expect(body.trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines))
        }
    }

    @Test func base64BodyKeepsNULs() throws {
        let m = try #require(try MailReader.read(path: FixtureFiles.path("peer-mail/git/nul-b64.in")).messages.first)
        let expected = try FixtureFiles.bytes("peer-mail/git/nul-b64.expect")
        #expect(m.body.contains(0))
        #expect(m.body.count >= expected.count)
        #expect(Array(m.body.suffix(expected.count)) == expected)
    }

    @Test func quotedCRBodiesHaveLFLineEnds() throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/git/quoted-cr.mbox"))
        #expect(archive.messages.count == 2)
        for m in archive.messages {
            // CRs inside lines ("\rChecking for python3") are content; only line-end CRs go.
            #expect(!Self.hasCRLF(m.body))
            #expect(m.from == Address(name: "A U Thor", email: "mail@example.com"))
            #expect(Self.gitSubject(m.subject) == "sample")
            #expect(String(decoding: m.body, as: UTF8.self).contains("diff --git a/configure b/configure\n"))
        }
    }

    // MARK: patchwork

    static func patchwork(_ name: String) throws -> Message {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/patchwork/" + name))
        #expect(archive.messages.count == 1, "\(name)")
        return try #require(archive.messages.first)
    }

    static func text(_ m: Message) -> String {
        String(decoding: m.body, as: UTF8.self)
            + m.attachments.map { String(decoding: $0.content, as: UTF8.self) }.joined()
    }

    @Test func patchworkDiffsAreFound() throws {
        #expect(
            Self.text(try Self.patchwork("0003-git-pull-request-with-diff.mbox")).contains(
                "\ndiff --git a/arch/x86/include/asm/smp.h"))
        let cvs = try Self.patchwork("0007-cvs-format-diff.mbox")
        #expect(cvs.isFormatFlowed)
        #expect(cvs.diagnostics.contains { $0.code == "mime.format-flowed" })
        #expect(cvs.attachments.count == 1)
        #expect(cvs.attachments.first.map { String(decoding: $0.content, as: UTF8.self).hasPrefix("Index") } == true)
        let rename = Self.text(try Self.patchwork("0008-git-rename.mbox"))
        #expect(rename.components(separatedBy: "\nrename from ").count - 1 == 2)
        #expect(rename.components(separatedBy: "\nrename to ").count - 1 == 2)
        let renameDiff = Self.text(try Self.patchwork("0009-git-rename-with-diff.mbox"))
        #expect(renameDiff.components(separatedBy: "\n-a\n+b").count - 1 == 1)
        let noNewline = Self.text(try Self.patchwork("0011-no-newline-at-end-of-file.mbox"))
        #expect(noNewline.components(separatedBy: "\\ No newline at end of file").count - 1 == 2)
        for binary in [
            "0025-git-add-binary-file.mbox", "0026-git-add-mixed-binary-text-files.mbox",
            "0027-git-modify-binary-file.mbox",
        ] {
            let t = Self.text(try Self.patchwork(binary))
            #expect(t.contains("diff --git pixel.bmp pixel.bmp\n") && t.contains("GIT binary patch\n"), "\(binary)")
        }
    }

    @Test func patchworkEncodingsSurvive() throws {
        let invalidCharset = try Self.patchwork("0010-invalid-charset.mbox")
        #expect(invalidCharset.diagnostics.contains { $0.code == "charset.unknown" })
        #expect(Self.text(invalidCharset).contains("diff --git"))
        let utf8 = try Self.patchwork("0013-with-utf8-body.mbox")
        #expect(!utf8.from.name.contains("=?"))
        let raw = try Self.patchwork("0014-with-unencoded-utf8-headers.mbox")
        #expect(raw.from.name.unicodeScalars.contains { $0.value > 0x7F })
        _ = try Self.patchwork("0012-invalid-header-char.mbox")
        _ = try Self.patchwork("0015-with-invalid-utf8-headers.mbox")
        #expect(try Self.patchwork("0016-no-subject.mbox").subject == "")
        for html in ["0019-multipart-patch.mbox", "0020-multipart-comment.mbox"] {
            let m = try Self.patchwork(html)
            #expect(!m.body.isEmpty)
            #expect(!Self.text(m).contains("<div"), "\(html)")
        }
    }

    @Test func crlfMailEqualsItsLFTwin() throws {
        let crlf = try Self.patchwork("0018-git-pull-request-crlf-newlines.mbox")
        let lf = try Self.patchwork("0001-git-pull-request.mbox")
        #expect(!crlf.body.contains(0x0D))
        #expect(crlf.body == lf.body)
        #expect(crlf.subject == lf.subject)
        #expect(crlf.from == lf.from)
    }

    @Test(arguments: [
        ("series/base-cover-letter.mbox", 3), ("series/base-deep-threaded.mbox", 3),
        ("series/bugs-multiple-content-types.mbox", 2),
    ])
    func patchworkSeriesCounts(_ file: String, _ count: Int) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/patchwork/" + file))
        #expect(archive.messages.count == count)
        #expect(archive.messages.allSatisfy { $0.messageID != nil })
    }

    // MARK: b4

    @Test(arguments: [
        "single", "nore", "non-git-patch", "non-git-patch-with-comments", "with-diffstat", "name-parens",
        "bare-address",
        "stripped-lines", "htmljunk",
    ])
    func b4FollowupPatchAuthor(_ source: String) throws {
        let archive = try MailReader.read(path: FixtureFiles.path("peer-mail/b4/trailers-followup-\(source).mbox"))
        let patch = try #require(archive.messages.first { $0.subject == "[PATCH] Simple test" })
        #expect(patch.from == Address(name: "Test Test", email: "test@example.com"))
        #expect(archive.messages.count >= 2)
    }

    @Test func b4CoverAndSeriesSubjects() throws {
        let cover = try MailReader.read(path: FixtureFiles.path("peer-mail/b4/trailers-followup-with-cover.mbox"))
        #expect(cover.messages.map(\.subject).contains("[PATCH v2 1/2] Simple test 1"))
        #expect(cover.messages.map(\.subject).contains("[PATCH v2 2/2] Simple test 2"))
        let naked = try MailReader.read(path: FixtureFiles.path("peer-mail/b4/naked-cover-single.mbox"))
        #expect(naked.messages.count == 2)
        #expect(naked.messages[0].subject == "do a thing to the widget subsystem")
        #expect(naked.messages[1].inReplyTo == naked.messages[0].messageID)
        let shazam = try MailReader.read(path: FixtureFiles.path("peer-mail/b4/shazam-git1-just-series.mbox"))
        #expect(shazam.messages.count == 5)
        let patches = shazam.messages.dropFirst()
        #expect(patches.allSatisfy { $0.from.email == "konstantin@linuxfoundation.org" })
        #expect(
            patches.map { Self.gitSubject($0.subject) } == [
                "Remove line 2 from file2", "Add more lines to file 1", "Add some paragraphs to lipsum",
                "Minor typo changes imitation",
            ])
    }
}
