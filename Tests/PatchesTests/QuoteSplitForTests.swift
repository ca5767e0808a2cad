import Foundation
import Patches

/// A test-only stand-in for the Conversation layer's quote splitter: strips `>` marks (any
/// spacing, `> > >>>>` is level 6) and the one space after the last mark, and groups the lines by
/// level with `interruptedBefore` set where other levels came between.
struct QuoteSplitForTests {
    struct Level {
        var lines: [ScanLine] = []
        var lastIndex: Int? = nil
    }
    private(set) var levels: [Int: Level] = [:]
    /// The body lines as given (for looking up a line by its id).
    let body: [[UInt8]]

    init(body: [[UInt8]]) {
        self.body = body
        for (index, line) in body.enumerated() {
            let (level, text) = Self.strip(line)
            var l = levels[level] ?? Level()
            let interrupted = l.lastIndex.map { $0 != index - 1 } ?? (index > 0)
            l.lines.append(ScanLine(text: text, id: index, interruptedBefore: interrupted))
            l.lastIndex = index
            levels[level] = l
        }
    }

    func lines(level: Int) -> [ScanLine] { levels[level]?.lines ?? [] }

    static func strip(_ line: [UInt8]) -> (Int, [UInt8]) {
        var level = 0
        var k = 0
        var afterMarks = 0
        while k < line.count {
            if line[k] == UInt8(ascii: ">") {
                level += 1
                k += 1
                afterMarks = k
                continue
            }
            if line[k] == UInt8(ascii: " ") && level > 0 {
                // Spaces between marks; stop at the first non-space that is not a mark.
                var m = k
                while m < line.count && line[m] == UInt8(ascii: " ") { m += 1 }
                if m < line.count && line[m] == UInt8(ascii: ">") {
                    k = m
                    continue
                }
            }
            break
        }
        var start = afterMarks
        if level > 0 && start < line.count && line[start] == UInt8(ascii: " ") { start += 1 }
        return (level, Array(line[start...]))
    }

    /// Body lines of a raw RFC 822 mail (headers dropped), or all lines of an archive render.
    static func bodyLines(_ data: [UInt8], isMail: Bool) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for b in data {
            if b == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(b)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard isMail, let blank = lines.firstIndex(where: { $0.isEmpty }) else { return lines }
        return Array(lines[(blank + 1)...])
    }
}

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func seed(_ prefix: String) throws -> QuoteSplitForTests {
        let dir = root.appendingPathComponent("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .first { $0.hasPrefix(prefix) }!
        return QuoteSplitForTests(
            body: QuoteSplitForTests.bodyLines(try bytes("seeds/" + name), isMail: false))
    }

    static func mail(_ name: String) throws -> QuoteSplitForTests {
        QuoteSplitForTests(
            body: QuoteSplitForTests.bodyLines(try bytes("real-mail/" + name + ".eml"), isMail: true))
    }
}
