import Foundation
import Testing

@testable import Mail

/// Hostile or broken input: reading must finish quickly with a partial result and diagnostics.
/// Big inputs are generated here, never committed.
@Suite struct BadInputTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func timed(_ seconds: Double, _ body: () -> Void) {
        let start = ContinuousClock.now
        body()
        #expect(ContinuousClock.now - start < .seconds(seconds))
    }

    @Test(arguments: InputFormat.allCases)
    func randomGarbage(_ format: InputFormat) {
        var rng = SplitMix(state: 42)
        var bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        Self.timed(20) {
            _ = MailReader.read(bytes: bytes, name: "garbage", format: format)
        }
        // Garbage that looks like mail structure: random lines from a mail-ish alphabet.
        let pieces = [
            "From ", "From a Mon Sep 17 00:00:00 2001\n", ">From ", "--b\n", "=?utf-8?B?", "?=", ":", "\n", " ",
            "Content-Type: multipart/mixed; boundary=b\n", "=3D", "=\n", "\u{1F}\u{8B}", "\r\n", "<", ">",
        ]
        bytes = []
        for _ in 0..<40_000 { bytes += Array(pieces[Int.random(in: 0..<pieces.count, using: &rng)].utf8) }
        Self.timed(20) {
            _ = MailReader.read(bytes: bytes, name: "mailish", format: format)
        }
    }

    @Test func fiftyMegabyteLineWithoutNewline() {
        let line = [UInt8](repeating: 0x61, count: 50 << 20)
        Self.timed(30) {
            let auto = MailReader.read(bytes: line, name: "line")
            #expect(auto.messages.count == 1)
            #expect(auto.messages.first?.body.count == line.count)
            let asMbox = MailReader.read(bytes: line, name: "line", format: .mbox)
            #expect(asMbox.diagnostics.contains { $0.code == "mbox.no-from-line" })
            let asHeader = MailReader.read(bytes: Array("Subject: ".utf8) + line, name: "hdr", format: .eml)
            #expect(asHeader.messages.first?.subject.utf8.count == ReadLimits().maxHeaderLineLength)
            #expect(asHeader.messages.first?.diagnostics.contains { $0.code == "limit.header-length" } == true)
        }
    }

    @Test func millionQuoteMarks() {
        let quotes = [UInt8](repeating: 0x3E, count: 1_000_000)
        let mbox =
            Array("From a Mon Sep 17 00:00:00 2001\nSubject: q\n\n".utf8) + quotes + Array("From x\n".utf8) + quotes
        Self.timed(20) {
            let archive = MailReader.read(bytes: mbox, name: "quotes.mbox")
            #expect(archive.messages.count == 1)
            // The file is mboxrd (a `>>From ` line), so one `>` is removed from the quoted From line.
            #expect(archive.messages.first?.body.count == 2 * quotes.count + 6)
        }
    }

    @Test func binaryNULs() {
        var bytes = Array("From a Mon Sep 17 00:00:00 2001\nSubject: n\0ul\nFrom: x\0@y\n\nbody\0with\0nuls\n".utf8)
        bytes += [0, 0, 0, 0x0A]
        let archive = MailReader.read(bytes: bytes, name: "nul.mbox")
        #expect(archive.messages.count == 1)
        #expect(archive.messages.first?.subject == "n\0ul")
        #expect(archive.messages.first?.body.filter { $0 == 0 }.count == 5)
    }

    @Test func emptyAndBlankInput() throws {
        for bytes in [[], Array("\n\n  \r\n".utf8)] as [[UInt8]] {
            for format in InputFormat.allCases {
                let archive = MailReader.read(bytes: bytes, name: "empty", format: format)
                #expect(archive.messages.isEmpty)
                #expect(archive.diagnostics.map(\.code) == ["input.empty"])
            }
        }
        let empty = try MailReader.read(path: FixtureFiles.path("peer-mail/git/empty"))
        #expect(empty.messages.isEmpty && empty.diagnostics.first?.code == "input.empty")
    }

    @Test func headerWithoutColon() {
        let m = SyntheticMail.one(["Subject: ok", "this is not a header", "From: late@x", "", "body"])
        #expect(m?.subject == "ok")
        #expect(m?.from == Address())
        #expect(SyntheticMail.body(m) == "this is not a header\nFrom: late@x\n\nbody\n")
        let d = m?.diagnostics.first { $0.code == "header.missing-colon" }
        #expect(d?.location.line == 2)
    }

    @Test func mboxNotStartingWithFrom() {
        let bytes = SyntheticMail.bytes([
            "Subject: orphan", "", "text before any separator", "",
            "From a Mon Sep 17 00:00:00 2001", "Subject: real", "", "b",
        ])
        let archive = MailReader.read(bytes: bytes, name: "odd.mbox", format: .mbox)
        #expect(archive.messages.map(\.subject) == ["orphan", "real"])
        #expect(archive.messages.map(\.source.line) == [1, 5])
        #expect(archive.diagnostics.map(\.code) == ["mbox.no-from-line"])
    }

    @Test func limitsGivePartialResults() {
        var limits = ReadLimits()
        limits.maxMessageBytes = 100
        limits.maxHeaderCount = 3
        let big = SyntheticMail.bytes(
            ["From a Mon Sep 17 00:00:00 2001", "A: 1", "B: 2", "C: 3", "D: 4", "Subject: late", ""]
                + Array(repeating: "0123456789", count: 50))
        let archive = MailReader.read(bytes: big, name: "big.mbox", limits: limits)
        #expect(archive.diagnostics.contains { $0.code == "limit.message-bytes" })
        let m = archive.messages.first
        #expect(m?.headers.count == 3)
        #expect(SyntheticMail.codes(m).contains("limit.header-count"))
        #expect((m?.body.count ?? 0) < 100)

        limits = ReadLimits()
        limits.maxInputBytes = 10
        let cut = MailReader.read(bytes: big, name: "cut.mbox", limits: limits)
        #expect(cut.diagnostics.first?.code == "limit.input-bytes")

        limits = ReadLimits()
        limits.maxMIMEParts = 2
        limits.maxDiagnosticsPerMessage = 2
        var lines = ["Content-Type: multipart/mixed; boundary=b", ""]
        for _ in 0..<10 { lines += ["--b", "Content-Type: text/plain; charset=bogus", "", "x"] }
        let many = MailReader.read(bytes: SyntheticMail.bytes(lines), name: "parts.eml", limits: limits).messages.first
        #expect(many?.diagnostics.count == 3)
        #expect(many?.diagnostics.last?.code == "limit.diagnostics")
    }

    @Test func manyMessagesParseInParallelInOrder() {
        var text = ""
        for k in 0..<5000 {
            text +=
                "From a Mon Sep 17 00:00:00 2001\nMessage-ID: <\(k)@x>\nSubject: n\(k)\n\n"
                + String(repeating: "body line\n", count: 100) + "\n"
        }
        let archive = MailReader.read(bytes: Array(text.utf8), name: "many.mbox")
        #expect(archive.messages.count == 5000)
        #expect(archive.messages.enumerated().allSatisfy { $0.element.subject == "n\($0.offset)" })
        #expect(archive.messages[1].source.line == 1 + 105)
    }
}
