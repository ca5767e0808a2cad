import Foundation
import Testing

@testable import Mail

/// The five seeds are real lkml.iu.edu renders; see Fixtures/renders/SOURCE.md.
struct RenderReaderTests {
    struct Seed: Sendable, CustomTestStringConvertible {
        var file: String
        var subject: String
        var from: String
        var dateRaw: String
        var instant: String
        var bodyLine: Int
        var firstBodyLine: String
        var testDescription: String { file }
    }

    static let seeds: [Seed] = [
        Seed(
            file: "000_d01b7560f6bfaef0.txt",
            subject: "Re: [PATCH v3] mm/gup: Allow real explicit breaking of COW", from: "Jan Kara",
            dateRaw: "Fri Aug 21 2020 - 06:13:37 EST", instant: "2020-08-21T11:13:37Z", bodyLine: 7,
            firstBodyLine: "On Thu 20-08-20 15:01:00, Linus Torvalds wrote:"),
        Seed(
            file: "001_c631dee9447f85c9.txt",
            subject: "Re: [PATCH v3 3/4] mm: FLEXIBLE_THP for improved performance",
            from: "Yu Zhao",
            dateRaw: "Mon Jul 17 2023 - 16:36:28 EST", instant: "2023-07-17T21:36:28Z", bodyLine: 7,
            firstBodyLine:
                "On Mon, Jul 17, 2023 at 1:31\u{202F}PM Yu Zhao <yuzhao@xxxxxxxxxx> wrote:"),
        Seed(
            file: "002_ae5048c6cf5fd9f4.txt",
            subject: "Re: [PATCH v3 01/15] mm: Batch-copy PTE ranges during fork()",
            from: "Alistair Popple", dateRaw: "Thu Dec 07 2023 - 19:38:26 EST",
            instant: "2023-12-08T00:38:26Z", bodyLine: 8,
            firstBodyLine: "Ryan Roberts <ryan.roberts@xxxxxxx> writes:"),
        Seed(
            file: "003_de7a456962fba1d1.txt",
            subject: "Re: [RFC] Changing COW detection to be memory hotplug friendly",
            from: "Hugh Dickins", dateRaw: "Mon Feb 07 2005 - 16:29:44 EST",
            instant: "2005-02-07T21:29:44Z", bodyLine: 7,
            firstBodyLine: "On Thu, 3 Feb 2005, IWAMOTO Toshihiro wrote:"),
        Seed(
            file: "004_cb09e22d1a946026.txt",
            subject: "Re: [PATCH v7 02/22] Allow page fault handlers to perform the COW",
            from: "Jan Kara", dateRaw: "Tue Apr 08 2014 - 12:35:18 EST",
            instant: "2014-04-08T17:35:18Z", bodyLine: 7,
            firstBodyLine: "On Sun 23-03-14 15:08:28, Matthew Wilcox wrote:"),
    ]

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/renders").appendingPathComponent(name)
        return try [UInt8](Data(contentsOf: url))
    }

    /// Seconds since 1970 by Foundation's ISO 8601 parser, independent of RenderDate.
    static func epoch(_ iso: String) -> Int64? {
        ISO8601DateFormatter().date(from: iso).map { Int64($0.timeIntervalSince1970) }
    }

    static func firstLine(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(while: { $0 != 10 }), as: UTF8.self)
    }

    @Test(arguments: seeds)
    func readsSeed(_ seed: Seed) throws {
        let bytes = try Self.fixture(seed.file)
        #expect(RenderReader.looksLikeRender(bytes))
        let messages = RenderReader.read(bytes, file: seed.file)
        try #require(messages.count == 1)
        let message = messages[0]
        #expect(message.isRender)
        #expect(message.subject == seed.subject)
        #expect(message.from.name == seed.from)
        #expect(message.from.email == "")
        #expect(message.date?.raw == seed.dateRaw)
        #expect(message.date?.epochSeconds == Self.epoch(seed.instant))
        #expect(message.date?.utcOffsetMinutes == -300)
        #expect(message.messageID == nil)
        #expect(message.source == SourceLocation(file: seed.file, line: seed.bodyLine))
        #expect(Self.firstLine(message.body) == seed.firstBodyLine)
        #expect(message.diagnostics.isEmpty, "\(message.diagnostics)")
        // The body runs to the end of the file, byte for byte, with no newline added.
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        let bodyStart = lines.prefix(seed.bodyLine - 1).reduce(0) { $0 + $1.count + 1 }
        #expect(message.body == Array(bytes[bodyStart...]))
        #expect(message.body.last != 10)
    }

    @Test func crlfRenderReadsLikeLF() throws {
        let bytes = try Self.fixture("000_d01b7560f6bfaef0.txt")
        var crlf: [UInt8] = []
        for byte in bytes {
            if byte == 10 { crlf.append(13) }
            crlf.append(byte)
        }
        #expect(RenderReader.looksLikeRender(crlf))
        let lf = RenderReader.read(bytes, file: "a")[0]
        let converted = RenderReader.read(crlf, file: "a")[0]
        #expect(converted.subject == lf.subject)
        #expect(converted.from == lf.from)
        #expect(converted.date == lf.date)
        #expect(converted.body == lf.body)
        #expect(converted.source == lf.source)
    }

    @Test func missingDateIsDiagnosed() {
        let text = "Re: [PATCH] mm: foo\n\nFrom: Jane Doe\n\nbody line\n"
        #expect(RenderReader.looksLikeRender(Array(text.utf8)))
        let message = RenderReader.read(Array(text.utf8), file: "f.txt")[0]
        #expect(message.from.name == "Jane Doe")
        #expect(message.date == nil)
        #expect(message.diagnostics.map(\.code) == ["render.missing-date"])
        #expect(message.body == Array("body line\n".utf8))
        #expect(message.source.line == 5)
    }

    @Test func missingFromIsDiagnosed() {
        let text = "Subject\n\nDate: Tue Apr 08 2014 - 12:35:18 EDT\n\nbody"
        let message = RenderReader.read(Array(text.utf8), file: "f.txt")[0]
        #expect(message.from == Address())
        #expect(message.date?.utcOffsetMinutes == -240)
        #expect(message.date?.epochSeconds == Self.epoch("2014-04-08T16:35:18Z"))
        #expect(message.diagnostics.map(\.code) == ["render.missing-from"])
    }

    @Test func subjectPrefixAndVisibleAddress() {
        let text = """
            Subject: Re: [PATCH v2] mm: bar

            From: Peter Xu <peterx@xxxxxxxxxx>
            Date: Sat Jan 02 2021 - 23:59:59 PST
            To: linux-mm

            From: this body line is not a header
            """
        let message = RenderReader.read(Array(text.utf8), file: "f.txt")[0]
        #expect(message.subject == "Re: [PATCH v2] mm: bar")
        #expect(message.from == Address(name: "Peter Xu", email: "peterx@xxxxxxxxxx"))
        #expect(message.date?.epochSeconds == Self.epoch("2021-01-03T07:59:59Z"))
        #expect(message.headers.map(\.name) == ["Subject", "From", "Date", "To"])
        #expect(Self.firstLine(message.body) == "From: this body line is not a header")
        #expect(message.source.line == 7)
    }

    @Test func bareAddressAndUnreadableDate() {
        let text = "t\n\nFrom: jack@xxxxxxx\nDate: sometime last week\n\nx"
        let message = RenderReader.read(Array(text.utf8), file: "f.txt")[0]
        #expect(message.from == Address(name: "", email: "jack@xxxxxxx"))
        #expect(message.date == MailDate(raw: "sometime last week"))
        #expect(message.diagnostics.map(\.code) == ["render.bad-date"])
    }

    @Test func emptyInputStillYieldsOneMessage() {
        let message = RenderReader.read([], file: "empty.txt")
        #expect(message.count == 1)
        #expect(message[0].body.isEmpty)
        #expect(message[0].diagnostics.map(\.code).contains("render.missing-subject"))
        #expect(!RenderReader.looksLikeRender([]))
    }

    @Test(arguments: [
        // RFC 822 mail.
        "From: Jan Kara <jack@suse.cz>\nDate: Fri, 21 Aug 2020 12:13:37 +0200\nSubject: Re: x\n\nbody\n",
        "Return-Path: <a@b>\nReceived: from x\nFrom: a@b\nSubject: s\n\nbody\n",
        // mbox.
        "From jack@suse.cz Fri Aug 21 12:13:37 2020\nFrom: Jan Kara <jack@suse.cz>\nSubject: s\n\nb\n",
        // git format-patch output.
        "From f41082844ea82ad1278e167fe6e973fa4efc974a Mon Sep 17 00:00:00 2001\n"
            + "From: Linus Torvalds <torvalds@linux-foundation.org>\n"
            + "Date: Tue, 11 Aug 2020 14:23:04 -0700\nSubject: [PATCH] x\n\n---\n",
        // Bare diffs.
        "diff --git a/mm/memory.c b/mm/memory.c\nindex 1f18ed4..8a87a48 100644\n--- a/mm/memory.c\n",
        "--- a/mm/memory.c\n+++ b/mm/memory.c\n@@ -1 +1 @@\n-a\n+b\n",
        // Prose with a blank second line but no From/Date block.
        "Hello\n\nThis is just a note.\n",
    ])
    func rejectsNonRenders(_ text: String) {
        #expect(!RenderReader.looksLikeRender(Array(text.utf8)))
    }

    @Test func latin1IsTranscoded() {
        // `Jörn` and `Grüsse` in ISO-8859-1: ö is 0xF6, ü is 0xFC.
        var bytes = Array("s\n\nFrom: J".utf8) + [0xF6] + Array("rn\n".utf8)
        bytes +=
            Array("Date: Mon Feb 07 2005 - 16:29:44 EST\n\nGr".utf8) + [0xFC] + Array("sse".utf8)
        let message = RenderReader.read(bytes, file: "f.txt")[0]
        #expect(message.from.name == "Jörn")
        #expect(message.body == Array("Grüsse".utf8))
        #expect(
            message.diagnostics.map(\.code) == ["render.latin1-assumed", "render.latin1-assumed"])
    }

    @Test func subjectlessRenderTakesSubjectField() {
        let text =
            "From: Jan Kara\nSubject: Re: [PATCH] x\nDate: Mon Feb 07 2005 - 16:29:44 EST\n\nb"
        // No subject line, so no blank line after it: not recognised, but still readable.
        #expect(!RenderReader.looksLikeRender(Array(text.utf8)))
        let message = RenderReader.read(Array(text.utf8), file: "f.txt")[0]
        #expect(message.subject == "Re: [PATCH] x")
        #expect(message.from.name == "Jan Kara")
        #expect(message.diagnostics.isEmpty)
        #expect(message.body == [UInt8(ascii: "b")])
        #expect(message.source.line == 5)
    }

    @Test(arguments: [
        ("Fri Aug 21 2020 - 06:13:37 EST", "2020-08-21T11:13:37Z", -300),
        ("Sun Jul 02 2023 - 23:10:00 EDT", "2023-07-03T03:10:00Z", -240),
        ("Fri, 21 Aug 2020 12:13:37 +0200", "2020-08-21T10:13:37Z", 120),
        ("Thu, 6 Aug 2020 14:48:51 +0100 (GMT)", "2020-08-06T13:48:51Z", 60),
        ("Wed Feb 29 2012 - 01:02 PST", "2012-02-29T09:02:00Z", -480),
        ("2019-12-31 23:59:59 UTC", "2019-12-31T23:59:59Z", 0),
        ("Mon Jan 05 1998 - 1:05:00 pm CST", "1998-01-05T19:05:00Z", -360),
    ])
    func parsesDates(_ raw: String, _ iso: String, _ offset: Int) {
        let parsed = RenderDate.parse(raw)
        #expect(parsed?.epochSeconds == Self.epoch(iso))
        // In `+0100 (GMT)` the parenthesised name is a comment; the number is the authority.
        #expect(parsed?.utcOffsetMinutes == offset)
    }

    @Test(arguments: ["Feb 30 2021 - 10:00:00 EST", "Aug 2020 - 06:13:37 EST", "Aug 21 2020", ""])
    func rejectsBadDates(_ raw: String) {
        #expect(RenderDate.parse(raw) == nil)
    }
}
