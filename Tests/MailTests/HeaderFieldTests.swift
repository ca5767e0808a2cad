import Foundation
import Testing

@testable import Mail

@Suite struct HeaderFieldTests {
    @Test(arguments: [
        ("\"Last, First\" <a@b.org>", "Last, First", "a@b.org"),
        ("a@b.org (Some Name)", "Some Name", "a@b.org"),
        ("a@b.org", "", "a@b.org"),
        ("<a@b.org>", "", "a@b.org"),
        ("Plain Name <a@b.org>", "Plain Name", "a@b.org"),
        ("=?utf-8?q?J=C3=B6rg?= Doe <j@d.de>", "Jörg Doe", "j@d.de"),
        ("\"=?utf-8?q?J=C3=B6rg?=\" <j@d.de>", "Jörg", "j@d.de"),
        ("\"Quoted \\\"pair\\\"\" <q@p.org>", "Quoted \"pair\"", "q@p.org"),
        ("First <f@x.org>, Second <s@x.org>", "First", "f@x.org"),
        ("Name <mailto:n@x.org>", "Name", "n@x.org"),
        ("Broken <no-close@x.org", "Broken", "no-close@x.org"),
    ])
    func addresses(_ raw: String, _ name: String, _ email: String) {
        let a = AddressParser.parse(raw).address
        #expect(a.name == name)
        #expect(a.email == email)
    }

    @Test(arguments: [
        ("Fri, 9 Jun 2006 00:44:16 -0700", 1_149_839_056, -420),
        ("9 Jun 2006 00:44:16 -0700", 1_149_839_056, -420),
        ("Fri, 9 Jun 2006 00:44 -0700", 1_149_839_040, -420),
        ("Thu, 21 Jul 2005 09:10:36 -0400 (EDT)", 1_121_951_436, -240),
        ("Thu, 21 Jul 2005 09:10:36 EDT", 1_121_951_436, -240),
        ("Fri, 9 Jun 06 07:44:16 GMT", 1_149_839_056, 0),
        ("Fri, 9 Jun 2006 07:44:16 UT", 1_149_839_056, 0),
        ("Fri,  9 Jun 2006 00:44:16 PDT", 1_149_839_056, -420),
        ("Sun, 1 Jan 99 00:00:00 EST", 915_166_800, -300),
        ("Mon Sep 17 00:00:00 2001", 1_000_684_800, 0),
        ("2008-11-12T17:54:41+03:00", 1_226_501_681, 180),
        ("Wed, 12 Nov 2008 17:54:41 +0300", 1_226_501_681, 180),
    ])
    func dates(_ raw: String, _ epoch: Int64, _ offset: Int) {
        let d = RFC2822DateParser.parse(raw)
        #expect(d?.epochSeconds == epoch, "\(raw)")
        #expect(d?.utcOffsetMinutes == offset, "\(raw)")
    }

    @Test(arguments: ["bogus", "", "32 Jan 2020 10:00:00 +0000", "Fri, 9 Jun 2006", "Fri, 30 Feb 2006 10:00:00 +0000"])
    func unparsableDates(_ raw: String) {
        #expect(RFC2822DateParser.parse(raw) == nil)
    }

    /// Trimming is skipped when the ends are ASCII: the result must equal the trimmed parse,
    /// including for no-break and other Unicode spaces at either end.
    @Test(arguments: [
        "Fri, 9 Jun 2006 00:44:16 -0700", "  Fri, 9 Jun 2006 00:44:16 -0700\t ",
        "\u{00A0}Fri, 9 Jun 2006 00:44:16 -0700",
        "Fri, 9 Jun 2006 00:44:16 -0700\u{00A0}", " \u{2003}9 Jun 2006 00:44:16 GMT \u{3000} ",
        "9 Jun 2006 00:44:16 GMT\u{0301}", " \u{0301}9 Jun 2006 00:44:16 GMT", "\r\n9 Jun 2006 00:44:16 GMT\r\n",
        "", "   ", "\u{00A0}", "é", "Fri, 9 Jun 2006 00:44:16 -0700 (Pacific Daylight Time \u{00E9})",
    ])
    func dateParseEqualsTrimmedParse(_ raw: String) {
        let d = MailDate.parse(raw)
        let trimmed = RFC2822DateParser.parse(raw.trimmingCharacters(in: .whitespaces))
        #expect(d.raw == raw)
        #expect(d.epochSeconds == trimmed?.epochSeconds)
        #expect(d.utcOffsetMinutes == trimmed?.utcOffsetMinutes)
    }

    @Test func fieldKindsFromNames() {
        func kind(_ name: String) -> HeaderFieldKind {
            Array(name.utf8).withUnsafeBufferPointer { HeaderFieldKind(name: $0) }
        }
        #expect(kind("From") == .from)
        #expect(kind("FROM") == .from)
        #expect(kind("Message-ID") == .messageID)
        #expect(kind("message-Id") == .messageID)
        #expect(kind("In-Reply-To") == .inReplyTo)
        #expect(kind("References") == .references)
        #expect(kind("Subject") == .subject)
        #expect(kind("Date") == .date)
        #expect(kind("Content-Type") == .contentType)
        #expect(kind("Content-Disposition") == .contentDisposition)
        #expect(kind("Content-Transfer-Encoding") == .contentTransferEncoding)
        for other in ["", "Fro", "Froms", "X-From", "Date2", "Resent-From", "Content-Typ", "Received", "Referencez"] {
            #expect(kind(other) == .other, "\(other)")
        }
        #expect(HeaderFieldKind.references.holdsIdentifiers && !HeaderFieldKind.subject.holdsIdentifiers)
    }

    @Test func unparsableDateIsKeptRawWithDiagnostic() {
        let m = SyntheticMail.one(["From: a@b", "Date: whenever", "", "x"])
        #expect(m?.date == MailDate(raw: "whenever"))
        #expect(SyntheticMail.codes(m).contains("date.unparsable"))
    }

    @Test func messageIDs() {
        #expect(MessageIDParser.all("<a@b> <c@d>\n <e@f>") == ["<a@b>", "<c@d>", "<e@f>"])
        #expect(MessageIDParser.first("<x@y> (Joe's message of \"Mon\")") == "<x@y>")
        #expect(MessageIDParser.first("Your message of <Mon, 1 Jan> <real@id>") == "<real@id>")
        #expect(MessageIDParser.first("bare@id.org") == "<bare@id.org>")
        let m = SyntheticMail.one([
            "Message-ID: <m@x>", "In-Reply-To: <p@x>", "References: <r1@x>", "\t<r2@x> <p@x>", "", "body",
        ])
        #expect(m?.messageID == "<m@x>")
        #expect(m?.inReplyTo == "<p@x>")
        #expect(m?.references == ["<r1@x>", "<r2@x>", "<p@x>"])
    }

    @Test func foldedHeadersAreUnfolded() {
        let m = SyntheticMail.one(
            ["Subject: [PATCH] a long", " subject\tline", "X-Tab: one", "\ttwo", "", "b"], crlf: true)
        #expect(m?.subject == "[PATCH] a long subject\tline")
        #expect(m?.headers.first { $0.name == "X-Tab" }?.value == "one two")
        #expect(SyntheticMail.body(m) == "b\n")
    }

    @Test func rawLatin1HeaderIsReadAsLatin1() {
        var bytes = Array("Subject: caf".utf8) + [0xE9] + Array("\nFrom: x@y\n\nbody\n".utf8)
        bytes.append(contentsOf: [])
        let m = MailReader.read(bytes: bytes, name: "l1.eml", format: .eml).messages.first
        #expect(m?.subject == "café")
        #expect(SyntheticMail.codes(m).contains("header.invalid-utf8"))
    }

    @Test func rawUTF8HeaderIsKept() {
        let m = SyntheticMail.one(["From: Jörg <j@x>", "Subject: naïve", "", "b"])
        #expect(m?.from.name == "Jörg")
        #expect(m?.subject == "naïve")
        #expect(SyntheticMail.codes(m).isEmpty)
    }
}
