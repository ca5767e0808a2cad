#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a message body with its quote level.
public struct QuotedLine: Sendable, Equatable {
    /// Number of `>` marks, whatever the spacing: `> > >>>>` is 6. Clamped to `QuoteSplitter.maxLevel`.
    public var level: Int
    /// Byte range of the whole line in the body (without the LF).
    public var lineStart: Int
    public var lineEnd: Int
    /// Byte range of the content after the quote marks and the one space after the last mark.
    public var contentStart: Int
    /// The content is empty or only spaces and tabs.
    public var isBlank: Bool

    public var contentRange: Range<Int> { contentStart..<lineEnd }
}

/// Splits a body into lines and counts quote marks. Works on bytes: bodies can be large.
public enum QuoteSplitter {
    /// Deeper quoting than this is clamped (a line of a million `>` is level 64, and reported).
    public static let maxLevel = 64

    public static func split(_ body: [UInt8]) -> (lines: [QuotedLine], clampedLines: Int) {
        var lines: [QuotedLine] = []
        // Mail lines average 30-40 bytes; reserving for 24-byte lines spares the regrowth (a
        // copy of every line) in most bodies. The array lives only while one message is read.
        lines.reserveCapacity(body.count / 24 + 1)
        var clamped = 0
        body.withUnsafeBufferPointer { buf in
            let n = buf.count
            var start = 0
            let base = buf.baseAddress
            while start < n, let base {
                // memchr: the line scan is the hottest loop over whole archives.
                let found = memchr(base + start, 0x0A, n - start)
                let end = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                var (level, content) = quotePrefix(buf, from: start, to: end)
                if level > maxLevel {
                    level = maxLevel
                    clamped += 1
                }
                var blank = true
                var i = content
                while i < end {
                    let c = buf[i]
                    if c != 0x20 && c != 0x09 && c != 0x0D {
                        blank = false
                        break
                    }
                    i += 1
                }
                lines.append(
                    QuotedLine(
                        level: level, lineStart: start, lineEnd: end, contentStart: content,
                        isBlank: blank))
                start = end + 1
            }
        }
        return (lines, clamped)
    }

    /// Counts `>` marks at the start of a line; spaces between marks are allowed (`> > >>`).
    /// Returns the level and where the content starts (after one space following the last mark).
    @inline(__always)
    static func quotePrefix(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
        Int, Int
    ) {
        var i = start
        var level = 0
        var afterLastMark = start
        while i < end {
            let c = buf[i]
            if c == UInt8(ascii: ">") {
                level += 1
                i += 1
                afterLastMark = i
            } else if c == 0x20 && level > 0 {
                // A space continues the prefix only if another mark follows the spaces.
                var j = i
                while j < end && buf[j] == 0x20 { j += 1 }
                if j < end && buf[j] == UInt8(ascii: ">") {
                    i = j
                } else {
                    break
                }
            } else {
                break
            }
        }
        if level == 0 { return (0, start) }
        var content = afterLastMark
        if content < end && buf[content] == 0x20 { content += 1 }
        return (level, content)
    }
}
