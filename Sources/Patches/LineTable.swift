/// A text as lines of bytes, every line keeping its own terminator (`\n`, `\r\n`, or none for a
/// last line without newline), so that a file mixing CRLF and LF can be copied back byte for byte.

struct LineTable: Sendable {
    let bytes: [UInt8]
    /// `starts[i]` is the first byte of line `i`; `starts[count]` is `bytes.count`.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 24 + 2)
        starts.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == Ascii.lf {
                starts.append(i + 1)
            }
        }
        // A last line without terminator is still a line; an empty text has none.
        if starts.last != bytes.count { starts.append(bytes.count) }
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The whole line, terminator included.
    func fullRange(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    func hasTerminator(_ i: Int) -> Bool {
        let end = starts[i + 1]
        return end > starts[i] && bytes[end - 1] == Ascii.lf
    }

    func isCRLF(_ i: Int) -> Bool {
        let end = starts[i + 1]
        return end - starts[i] >= 2 && bytes[end - 1] == Ascii.lf && bytes[end - 2] == Ascii.cr
    }

    /// The line without `\n` but with a `\r` before it: what a diff line's text holds when it was
    /// taken from this text byte for byte.
    func textRange(_ i: Int) -> Range<Int> {
        hasTerminator(i) ? starts[i]..<(starts[i + 1] - 1) : fullRange(i)
    }

    /// The line without its terminator, `\r\n` or `\n`: what matching compares, so that a CRLF
    /// line matches the same line quoted in a mail.
    func contentRange(_ i: Int) -> Range<Int> {
        let end = starts[i + 1]
        if end > starts[i] && bytes[end - 1] == Ascii.lf {
            return end - 1 > starts[i] && bytes[end - 2] == Ascii.cr
                ? starts[i]..<(end - 2) : starts[i]..<(end - 1)
        }
        return starts[i]..<end
    }

    func terminator(_ i: Int) -> LineTerminator {
        hasTerminator(i) ? (isCRLF(i) ? .crlf : .lf) : .none
    }

    func text(_ i: Int) -> String { String(decoding: bytes[textRange(i)], as: UTF8.self) }
}

enum LineTerminator: Sendable {
    case lf, crlf, none

    var bytes: [UInt8] {
        switch self {
        case .lf: [Ascii.lf]
        case .crlf: [Ascii.cr, Ascii.lf]
        case .none: []
        }
    }
}
