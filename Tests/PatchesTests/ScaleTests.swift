import Foundation
import Testing

@testable import Patches

/// Bounded work: big inputs, hostile lines. (Timing is asserted loosely: debug builds are slow;
/// the real throughput target is measured in release by the benchmark target.)
struct ScaleTests {
    @Test func hundredThousandLinePatchScansLinearly() {
        var lines: [ScanLine] = []
        lines.reserveCapacity(200_010)
        func add(_ s: String) { lines.append(ScanLine(text: Array(s.utf8), id: lines.count)) }
        add("--- a/mm/big.c")
        add("+++ b/mm/big.c")
        add("@@ -1,100000 +1,100000 @@ static int big(void)")
        for n in 0..<50_000 {
            add("-\tx = \(n);")
            add("+\ty = \(n);")
        }
        for _ in 0..<50_000 { add(" \tz++;") }
        for _ in 0..<50_000 { add("Some prose that goes on; and on (with parens) = 3.") }
        let start = Date()
        let scan = DiffScanner.scan(lines)
        let elapsed = Date().timeIntervalSince(start)
        #expect(scan.allHunks.count == 1)
        #expect(scan.allHunks[0].complete)
        #expect(elapsed < 20, "took \(elapsed)s")
    }

    @Test func megabyteLinesAndManySeparators() {
        var lines: [ScanLine] = []
        let huge = [UInt8](repeating: UInt8(ascii: "+"), count: 2_000_000)
        lines.append(ScanLine(text: huge, id: 0))
        lines.append(ScanLine(text: Array("@@ -1,3 +1,3 @@ ".utf8) + huge, id: 1))
        for n in 2..<20_002 {
            lines.append(ScanLine(text: Array((n % 2 == 0 ? "---" : "words words words.").utf8), id: n))
        }
        let scan = DiffScanner.scan(lines)
        #expect(scan.roles.count == lines.count)
    }

    @Test func emptyInput() {
        let scan = DiffScanner.scan([])
        #expect(scan.patches.isEmpty && scan.roles.isEmpty)
    }
}
