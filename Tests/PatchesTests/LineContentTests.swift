import Foundation
import Testing

@testable import Patches

/// A scanned line keeps ASCII text as bytes of the body and repairs the rest at once; either way
/// `text`, equality and the JSON are those of the String.
struct LineContentTests {
    @Test func asciiLinesStayBytesOthersAreDecoded() throws {
        let scan = scanText("--- a/mm/x.c\n+++ b/mm/x.c\n@@ -1,2 +1,2 @@\n-\told;\n+\tnew = \"é\";\n ctx\n")
        let lines = try #require(scan.allHunks.first).lines
        #expect(lines.map(\.text) == ["\told;", "\tnew = \"é\";", "ctx"])
        // A slice of the scanned text keeps its indices there; a decoded line's bytes are new.
        #expect(lines[0].content.bytes.startIndex > 0)
        #expect(lines[1].content.bytes.startIndex == 0)
        #expect(lines[0].withTextUTF8 { Array($0) } == Array("\told;".utf8))
        #expect(lines[1].withTextUTF8 { Array($0) } == Array("\tnew = \"é\";".utf8))
    }

    @Test func equalityAndJSONAreTheString() throws {
        let body: [UInt8] = Array("xx int k;".utf8)
        let fromBytes = DiffLine(
            kind: .added, content: content(body, 3..<body.count), function: "f", sourceID: 7,
            oldNumber: OptionalNumber.none, newNumber: 4)
        let fromString = DiffLine(kind: .added, text: "int k;", newLine: 4, function: "f", sourceID: 7)
        #expect(fromBytes == fromString)
        // Canonical equivalence, as String compares: U+212A KELVIN SIGN is `K`.
        let kelvin = DiffLine(kind: .added, text: "int \u{212A};", newLine: 4, function: "f", sourceID: 7)
        let ascii = DiffLine(
            kind: .added, content: content(Array("int K;".utf8), 0..<6), function: "f", sourceID: 7,
            oldNumber: OptionalNumber.none, newNumber: 4)
        #expect(kelvin == ascii)
        #expect(fromBytes != ascii)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(fromBytes)
        #expect(a == (try encoder.encode(fromString)))
        #expect(
            String(decoding: a, as: UTF8.self)
                == #"{"function":"f","kind":"added","newLine":4,"sourceID":7,"text":"int k;"}"#)
        #expect(try JSONDecoder().decode(DiffLine.self, from: a) == fromBytes)
    }

    @Test func settingTextReplacesTheBytes() throws {
        var line = DiffLine(
            kind: .context, content: content(Array(" a".utf8), 1..<2), function: nil, sourceID: 0,
            oldNumber: 1, newNumber: 1)
        line.text = "b"
        #expect(line.text == "b")
        #expect(line.withTextUTF8 { Array($0) } == [UInt8(ascii: "b")])
    }

    /// Line numbers are stored without Optional's tag; nil, 0 and the extremes still read back.
    @Test func lineNumbersReadBackAsSet() {
        var line = DiffLine(kind: .context, text: "x", oldLine: nil, newLine: 0, sourceID: 0)
        #expect(line.oldLine == nil && line.newLine == 0)
        line.oldLine = Int.max
        line.newLine = nil
        #expect(line.oldLine == Int.max && line.newLine == nil)
        line.oldLine = -1
        #expect(line.oldLine == -1)
        #expect(line == DiffLine(kind: .context, text: "x", oldLine: -1, newLine: nil, sourceID: 0))
        // Millions of these are held at once: a range (not a slice) and tag-less numbers keep a
        // line at 64 bytes instead of 96.
        #expect(MemoryLayout<DiffLine>.stride <= 64)
    }

    /// The body's line `range` as a scan makes it.
    private func content(_ body: [UInt8], _ range: Range<Int>) -> LineContent {
        body.withUnsafeBufferPointer { LineContent(body: body, view: $0[range]) }
    }
}
