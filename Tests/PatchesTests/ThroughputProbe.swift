import Foundation
import Testing

@testable import Patches

/// Opt-in throughput probe (`SCAN_PROBE=1 swift test -c release -Xswiftc -enable-testing`):
/// one million mixed lines, printed timing. Not a pass/fail benchmark.
@Test func throughputProbe() throws {
    guard ProcessInfo.processInfo.environment["SCAN_PROBE"] != nil else { return }
    let seed = try Fixtures.seed("002")
    let mail = try Fixtures.mail("003_vma-seqcount-minchan")
    var base = seed.lines(level: 1) + mail.lines(level: 1) + mail.lines(level: 0)
    base += base
    var lines: [ScanLine] = []
    lines.reserveCapacity(1_000_100)
    var bytes = 0
    while lines.count < 1_000_000 {
        for l in base {
            lines.append(ScanLine(text: l.text, id: lines.count, interruptedBefore: l.interruptedBefore))
            bytes += l.text.count + 1
        }
    }
    for collapsed in [false, true] {
        let start = Date()
        let scan = DiffScanner.scan(lines, options: .init(whitespaceCollapsed: collapsed))
        let t = Date().timeIntervalSince(start)
        print(
            "probe collapsed=\(collapsed): \(lines.count) lines, \(bytes / 1_000_000) MB, \(scan.patches.count) patches in \(t)s = \(Double(bytes) / t / 1e6) MB/s"
        )
    }
}
