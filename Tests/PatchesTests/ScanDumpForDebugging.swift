import Foundation
import Testing

@testable import Patches

/// `DUMP=seed:000` or `DUMP=mail:003_vma-seqcount-minchan swift test --filter scanDump` writes every
/// level's roles and patches to /tmp/dbg/out.txt; a no-op otherwise.
@Test func scanDump() throws {
    guard let which = ProcessInfo.processInfo.environment["DUMP"] else { return }
    let collapsed = which.hasPrefix("seed:")
    let name = String(which.split(separator: ":")[1])
    let split = collapsed ? try Fixtures.seed(name) : try Fixtures.mail(name)
    var out = ""
    for level in split.levels.keys.sorted() {
        let lines = split.lines(level: level)
        let scan = DiffScanner.scan(lines, options: .init(whitespaceCollapsed: collapsed))
        out += "=== level \(level): \(scan.patches.count) patches\n"
        for (n, l) in lines.enumerated() {
            out +=
                "\(l.id)\(l.interruptedBefore ? "*" : " ") \(scan.roles[n]) | \(String(decoding: l.text, as: UTF8.self))\n"
        }
        for p in scan.patches {
            out +=
                "PATCH frag=\(p.isFragment) hdr=\(String(describing: p.header)) trailers=\(p.trailers.count) stat=\(String(describing: p.diffstat)) footer=\(p.versionFooter ?? "-") lines \(p.firstLineID)-\(p.lastLineID) repairs=\(p.repairs)\n"
            out += "  msg: \(p.commitMessage.prefix(3))\n"
            for f in p.files {
                out += "  FILE \(f.path ?? "nil") old=\(f.oldPath ?? "nil") new=\(f.newPath ?? "nil")\n"
                for h in f.hunks {
                    out +=
                        "    HUNK \(h.header ?? "frag") fn=\(h.function ?? "nil") +\(h.addedCount) -\(h.removedCount) ctx=\(h.contextCount) complete=\(h.complete) repairs=\(h.repairs.map(\.code))\n"
                    let fns = Array(Set(h.lines.compactMap(\.function))).sorted()
                    out += "      fns: \(fns)\n"
                }
            }
        }
    }
    try FileManager.default.createDirectory(atPath: "/tmp/dbg", withIntermediateDirectories: true)
    try out.write(toFile: "/tmp/dbg/out.txt", atomically: true, encoding: .utf8)
}
