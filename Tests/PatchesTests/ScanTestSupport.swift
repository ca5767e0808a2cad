@testable import Patches

/// Scans literal text: one ScanLine per `\n`-separated line, ids from 0; a line written with a
/// leading `§` had other levels' lines before it (`interruptedBefore`), the `§` is removed.
func scanText(_ text: String, collapsed: Bool = false, maxLines: Int = 5_000_000) -> DiffScan {
    DiffScanner.scan(
        scanLines(text), options: .init(whitespaceCollapsed: collapsed, maxLines: maxLines))
}

func scanLines(_ text: String) -> [ScanLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
        var s = String(line)
        var interrupted = false
        if s.hasPrefix("§") {
            interrupted = true
            s.removeFirst()
        }
        return ScanLine(text: Array(s.utf8), id: n, interruptedBefore: interrupted)
    }
}

extension DiffScan {
    var allHunks: [Hunk] { patches.flatMap { $0.files.flatMap(\.hunks) } }
}
