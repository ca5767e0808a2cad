import Testing

@testable import Mail

@Suite struct MIMETests {
    @Test func multipartPicksFirstPlainPartAndPatchAttachments() {
        let m = SyntheticMail.one([
            "From: A <a@x>", "Subject: s", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"", "",
            "preamble text", "--outer",
            "Content-Type: multipart/alternative; boundary=inner", "",
            "--inner", "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable",
            "",
            "caf=E9 body", "--inner", "Content-Type: text/html", "", "<div>html</div>", "--inner--",
            "--outer", "Content-Type: text/x-patch; name=\"fix.patch\"", "Content-Transfer-Encoding: base64", "",
            "ZGlmZiAtLWdpdCBhL3ggYi94Cg==", "--outer",
            "Content-Type: text/plain", "Content-Disposition: attachment; filename=\"notes.diff\"", "",
            "--- a/y", "+++ b/y", "--outer",
            "Content-Type: text/plain", "", "just a signature part", "--outer",
            "Content-Type: image/png", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=",
            "--outer--", "epilogue",
        ])
        #expect(SyntheticMail.body(m) == "café body")
        #expect(m?.attachments.map(\.filename) == ["fix.patch", "notes.diff"])
        #expect(m?.attachments.first.map { String(decoding: $0.content, as: UTF8.self) } == "diff --git a/x b/x\n")
        #expect(m?.attachments.first?.contentType == "text/x-patch")
        #expect(SyntheticMail.codes(m).contains("mime.part-skipped"))
        #expect(!SyntheticMail.codes(m).contains("mime.unterminated-boundary"))
    }

    @Test func inlineDiffPartWithoutNameIsAnAttachment() {
        let m = SyntheticMail.one([
            "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "see below", "--b",
            "Content-Type: text/plain", "", "diff --git a/f b/f", "--- a/f", "+++ b/f", "--b--",
        ])
        #expect(SyntheticMail.body(m) == "see below")
        #expect(m?.attachments.count == 1)
    }

    @Test func unterminatedBoundaryKeepsLastPart() {
        let m = SyntheticMail.one([
            "Content-Type: multipart/mixed; boundary=zz", "", "--zz", "Content-Type: text/plain", "", "first",
            "--zz", "Content-Type: text/x-diff", "", "--- a/f", "+++ b/f", "@@ -1 +1 @@",
        ])
        #expect(SyntheticMail.body(m) == "first")
        #expect(
            m?.attachments.first.map { String(decoding: $0.content, as: UTF8.self) }
                == "--- a/f\n+++ b/f\n@@ -1 +1 @@\n")
        #expect(SyntheticMail.codes(m).contains("mime.unterminated-boundary"))
    }

    @Test func boundaryThatIsAPrefixOfAnotherLine() {
        let m = SyntheticMail.one([
            "Content-Type: multipart/mixed; boundary=ab", "", "--ab", "", "keep --abc and", "--abc", "lines", "--ab--",
        ])
        #expect(SyntheticMail.body(m) == "keep --abc and\n--abc\nlines")
    }

    @Test func missingOrAbsentBoundary() {
        let none = SyntheticMail.one(["Content-Type: multipart/mixed", "", "text"])
        #expect(SyntheticMail.body(none) == "text\n")
        #expect(SyntheticMail.codes(none).contains("mime.no-boundary"))
        let absent = SyntheticMail.one(["Content-Type: multipart/mixed; boundary=q", "", "text"])
        #expect(SyntheticMail.body(absent) == "text\n")
        #expect(SyntheticMail.codes(absent).contains("mime.boundary-not-found"))
    }

    @Test func htmlOnlyMailKeepsHTML() {
        let m = SyntheticMail.one(["Content-Type: text/html; charset=utf-8", "", "<p>hi</p>"])
        #expect(SyntheticMail.body(m) == "<p>hi</p>\n")
        #expect(SyntheticMail.codes(m).contains("mime.html-only"))
    }

    @Test func formatFlowedIsRecordedNotUnflowed() {
        let m = SyntheticMail.one([
            "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes", "", "soft ", "wrapped",
        ])
        #expect(m?.isFormatFlowed == true)
        #expect(SyntheticMail.body(m) == "soft \nwrapped\n")
        let d = m?.diagnostics.first { $0.code == "mime.format-flowed" }
        #expect(d?.severity == .warning)
        #expect(d?.message.contains("delsp=yes") == true)
    }

    @Test func base64BodyWithCRLFAndBadCharsetAndGarbage() {
        // "a\r\nb\xff\r\n" in base64 with a stray '*'.
        let m = SyntheticMail.one([
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", "YQ0KYv8*NCg==",
        ])
        #expect(SyntheticMail.body(m).hasPrefix("a\nb\u{FFFD}"))
        #expect(SyntheticMail.codes(m).contains("charset.undecodable"))
        #expect(SyntheticMail.codes(m).contains("mime.base64-garbage"))
        let undecodable = m?.diagnostics.first { $0.code == "charset.undecodable" }
        #expect(undecodable?.message.hasPrefix("1 ") == true)
    }

    @Test func truncatedBase64Part() {
        let m = SyntheticMail.one([
            "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Transfer-Encoding: base64", "",
            "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=", "aGVsbG8gd29yb",
        ])
        #expect(SyntheticMail.body(m) == "hello world hello worldhello wor")
        #expect(SyntheticMail.codes(m).contains("mime.unterminated-boundary"))
        #expect(SyntheticMail.codes(m).contains("mime.base64-truncated"))
    }

    @Test func unknownCharsetReadsAsUTF8() {
        let m = SyntheticMail.one(["Content-Type: text/plain; charset=x-martian", "", "héllo"])
        #expect(SyntheticMail.body(m) == "héllo\n")
        #expect(SyntheticMail.codes(m).contains("charset.unknown"))
    }

    @Test func rfc2231FilenameAndNestedDepthLimit() {
        let ct = ContentType.parse("text/x-patch; name*0*=utf-8''f%C3%BCr; name*1=\".patch\"; charset=\"UTF-8\"")
        #expect(ct.value == "text/x-patch")
        #expect(ct.parameters["name"] == "für.patch")
        #expect(ct.charset == "UTF-8")
        var lines = ["Content-Type: multipart/mixed; boundary=b0", ""]
        for k in 0..<20 { lines += ["--b\(k)", "Content-Type: multipart/mixed; boundary=b\(k + 1)", ""] }
        lines += ["--b20", "", "deep"]
        let m = SyntheticMail.one(lines)
        #expect(SyntheticMail.codes(m).contains("limit.mime-depth"))
        #expect(m?.body.isEmpty == true)
    }
}
