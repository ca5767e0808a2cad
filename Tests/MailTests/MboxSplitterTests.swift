import Testing

@testable import Mail

/// The mbox scan runs in pieces on all cores for large archives; any number of pieces must give
/// the split one piece gives.
@Suite struct MboxSplitterTests {
    static func split(_ bytes: [UInt8], pieces: Int, limits: ReadLimits = .init()) -> MboxSplitter.Result {
        bytes.withUnsafeBufferPointer { MboxSplitter.split($0, file: "t", limits: limits, pieces: pieces) }
    }

    static func expectSame(_ a: MboxSplitter.Result, _ b: MboxSplitter.Result, _ note: String) {
        #expect(a.entries == b.entries, "\(note)")
        #expect(a.isMboxrd == b.isMboxrd, "\(note)")
        #expect(a.diagnostics == b.diagnostics, "\(note)")
    }

    /// Messages with CRLF, quoted `>From ` and `>>From ` lines, blank lines, stray `From ` lines
    /// that are no separators, and an unterminated last line, in random order.
    static func randomMbox(_ rng: inout some RandomNumberGenerator, messages: Int) -> [UInt8] {
        var text = ""
        if Bool.random(using: &rng) { text += "\n  \n" }
        if Bool.random(using: &rng) { text += "stray text before any separator\n" }
        for k in 0..<messages {
            let eol = Int.random(in: 0..<5, using: &rng) == 0 ? "\r\n" : "\n"
            text += "From sender\(k)@x Mon Sep 17 00:00:\(10 + k % 50) 2001" + eol
            text += "Subject: m\(k)" + eol + eol
            for _ in 0..<Int.random(in: 0..<12, using: &rng) {
                switch Int.random(in: 0..<7, using: &rng) {
                case 0: text += ">From quoted" + eol
                case 1: text += ">>From rd quoted" + eol
                case 2: text += "From not a separator" + eol
                case 3: text += eol
                case 4: text += "> a quoted reply line" + eol
                default: text += "body line \(k)" + eol
                }
            }
        }
        if Bool.random(using: &rng) { text += "last line without LF" }
        return Array(text.utf8)
    }

    @Test func piecesAgreeWithOnePiece() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let bytes = Self.randomMbox(&rng, messages: Int.random(in: 0..<30, using: &rng))
            let one = Self.split(bytes, pieces: 1)
            for pieces in [2, 3, 5, 16] {
                Self.expectSame(one, Self.split(bytes, pieces: pieces), "round \(round), \(pieces) pieces")
            }
        }
    }

    @Test func piecesAgreeAtTheMessageLimit() {
        var rng = SystemRandomNumberGenerator()
        var limits = ReadLimits()
        limits.maxMessageBytes = 40
        let bytes = Self.randomMbox(&rng, messages: 40)
        Self.expectSame(
            Self.split(bytes, pieces: 1, limits: limits), Self.split(bytes, pieces: 4, limits: limits), "limit")
    }

    @Test func knownSplit() {
        let text =
            "From a Mon Sep 17 00:00:00 2001\r\nSubject: 1\r\n\r\n>>From x\nFrom b Mon Sep 17 00:00:00 2001\nSubject: 2\n\nbody\n"
        for pieces in [1, 2, 4] {
            let r = Self.split(Array(text.utf8), pieces: pieces)
            #expect(r.entries.count == 2)
            #expect(r.entries.map(\.line) == [1, 5])
            #expect(r.entries.map(\.hasCR) == [true, false])
            #expect(r.entries.map(\.hasQuotedFrom) == [true, false])
            #expect(r.isMboxrd)
        }
    }
}
