import Conversation
import Foundation
import Mail
import Testing

/// Hostile input through the whole pipeline (read, thread, extract): a clear diagnostic or a
/// partial result, never a crash, a hang or a silent drop.
@Suite struct BadInputPipelineTests {
    static func extract(_ bytes: [UInt8], name: String = "input") -> ArchiveExtraction {
        ArchiveExtractor.extract(MailReader.read(bytes: bytes, name: name))
    }

    @Test func garbageBytes() {
        var rng = SplitMix(seed: 7)
        let bytes = (0..<2_000_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let result = Self.extract(bytes)
        #expect(result.threads.count == 1)
        #expect(result.threads[0].messages.first?.diagnostics.contains { $0.code == "charset.undecodable" } == true)
    }

    @Test func fiftyMegabyteLine() {
        let line = [UInt8](repeating: UInt8(ascii: "+"), count: 50 << 20)
        let start = Date()
        let result = Self.extract(line)
        #expect(result.threads.count == 1)
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func millionQuoteMarks() throws {
        let bytes =
            Array("Subject: deep\nFrom: A <a@b>\n\n".utf8) + [UInt8](repeating: UInt8(ascii: ">"), count: 1_000_000)
            + Array(" text\n".utf8)
        let result = Self.extract(bytes)
        let t = try #require(result.threads.first)
        #expect(t.diagnostics.contains { $0.code == "quote.too-deep" })
        #expect(t.messages[0].levels.map(\.level).max() == QuoteSplitter.maxLevel)
    }

    @Test func unterminatedBoundaryStillYieldsThePatch() throws {
        let mail = """
            From: A U Thor <a@b.c>
            Subject: [PATCH] mm: fix
            Content-Type: multipart/mixed; boundary="XX"

            --XX
            Content-Type: text/plain

            Fix it.

            --XX
            Content-Type: text/x-patch; name="fix.patch"

            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -1,2 +1,2 @@
             a
            -b
            +c

            """
        let result = Self.extract(Array(mail.utf8))
        let t = try #require(result.threads.first)
        #expect(t.patches.first?.files.first?.path == "mm/memory.c")
        #expect(t.messages[0].diagnostics.contains { $0.code == "mime.unterminated-boundary" })
    }

    @Test func lyingHunkHeaderIsPartialNotFatal() throws {
        let mail = """
            From: A U Thor <a@b.c>
            Subject: [PATCH] mm: lie

            --- a/mm/memory.c
            +++ b/mm/memory.c
            @@ -10,500 +10,500 @@ static int f(void)
             a
            -b
            +c
            @@ -99999999999999999999,3 +1,3 @@
             x
            --
            2.40.0

            """
        let result = Self.extract(Array(mail.utf8))
        let t = try #require(result.threads.first)
        let hunks = try #require(t.patches.first?.files.first?.hunks)
        #expect(hunks.first?.complete == false)
        #expect(hunks.first?.repairs.isEmpty == false)
    }

    @Test func emptyInputIsReported() {
        let result = Self.extract([])
        #expect(result.threads.isEmpty)
        #expect(result.diagnostics.contains { $0.code == "input.empty" })
    }

    @Test func manyShortMessagesAreBounded() {
        var mbox = ""
        for i in 0..<3000 {
            mbox +=
                "From x@y Mon Sep 17 00:00:00 2001\nMessage-ID: <m\(i)@x>\nIn-Reply-To: <m\(max(0, i - 1))@x>\nSubject: Re: t\n\n> > > quoted\n"
        }
        let result = Self.extract(Array(mbox.utf8))
        #expect(result.threads.map { $0.messages.count }.reduce(0, +) == 3000)
    }
}

/// A small deterministic generator (tests must not depend on the system's randomness).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
