import Testing

@testable import Patches

/// `scan(body, spans:)` reads lines in place; `scan(lines)` lays them end to end first. Both
/// must read the same diff, and a span outside the body must not be read past its end.
struct ScanSpanTests {
    static let text = """
        Subject: x
        ---
        diff --git a/mm/memory.c b/mm/memory.c
        --- a/mm/memory.c
        +++ b/mm/memory.c
        @@ -10,3 +10,4 @@ static int f(void)
         a\r
        -b
        +c
        +d
         e
        """

    @Test func spansReadTheSameDiffAsLines() {
        let body = Array(Self.text.utf8)
        var spans: [ScanSpan] = []
        var start = 0
        for (k, b) in body.enumerated() where b == 0x0A {
            spans.append(ScanSpan(range: start..<k, id: spans.count))
            start = k + 1
        }
        spans.append(ScanSpan(range: start..<body.count, id: spans.count))
        let bySpan = DiffScanner.scan(body, spans: spans)
        let byLine = DiffScanner.scan(spans.map { ScanLine(text: body[$0.range], id: $0.id) })
        #expect(bySpan.roles == byLine.roles)
        #expect(bySpan.patches == byLine.patches)
        let hunk = bySpan.allHunks.first
        #expect(hunk?.lines.map(\.text) == ["a", "b", "c", "d", "e"])
        #expect(hunk?.complete == true)
    }

    @Test func spansOutsideTheBodyAreCut() {
        let body = Array("+int x;\n+int y;".utf8)
        let spans = [
            ScanSpan(range: 0..<7, id: 0), ScanSpan(range: 8..<400, id: 1), ScanSpan(range: 900..<1000, id: 2),
        ]
        let scan = DiffScanner.scan(body, spans: spans)
        #expect(scan.roles.count == 3)
        let texts = scan.patches.flatMap { $0.files.flatMap(\.hunks) }.flatMap(\.lines).map(\.text)
        #expect(texts.allSatisfy { ["int x;", "int y;"].contains($0) })
    }
}
