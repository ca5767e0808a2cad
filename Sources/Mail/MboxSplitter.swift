/// Splits an mbox into messages the way `git mailsplit` does: a message starts at a line
/// `From <anything> <date with hh:mm:ss and a year>`, so a stray `From ` line in a body does not split.
/// It also notes whether the archive is mboxrd (some `>>From ` line exists), which decides unquoting.
struct MboxSplitter {
    struct Entry: Sendable, Equatable {
        /// The message bytes after the `From ` line.
        var range: Range<Int>
        /// 1-based line of the message's first byte (its `From ` line, when it has one).
        var line: Int
        /// 1-based line of `range.lowerBound`.
        var contentLine: Int
        /// Some body line matches `^>+From `: the parser must copy the message to unquote it.
        var hasQuotedFrom: Bool
        /// Lines end in CRLF somewhere in the message.
        var hasCR: Bool
    }

    struct Result: Sendable {
        var entries: [Entry] = []
        var isMboxrd = false
        var diagnostics: [Diagnostic] = []
    }

    static func split(_ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits) -> Result {
        var result = Result()
        let end = buf.count
        var pos = 0
        var line = 1
        // Whitespace-only lines before the first separator are skipped, as mailsplit does.
        while pos < end {
            let lf = buf.lineEnd(from: pos, to: end)
            var blank = true
            for i in pos..<lf where !ASCII.isSpace(buf[i]) {
                blank = false
                break
            }
            if !blank { break }
            pos = min(lf + 1, end)
            line += 1
        }
        guard pos < end else { return result }
        var current: (start: Int, line: Int, contentLine: Int, quoted: Bool, cr: Bool)
        let firstEnd = buf.lineEnd(from: pos, to: end)
        if isFromLine(buf, from: pos, to: firstEnd) {
            current = (min(firstEnd + 1, end), line, line + 1, false, false)
        } else {
            result.diagnostics.append(
                Diagnostic(
                    severity: .warning, location: SourceLocation(file: file, line: line),
                    code: "mbox.no-from-line",
                    message:
                        "mbox does not start with a 'From ' line; reading the text before the first one as a message"))
            current = (pos, line, line, false, false)
        }
        func close(_ at: Int) {
            var stop = at
            if stop - current.start > limits.maxMessageBytes {
                stop = current.start + limits.maxMessageBytes
                result.diagnostics.append(
                    Diagnostic(
                        severity: .warning, location: SourceLocation(file: file, line: current.line),
                        code: "limit.message-bytes",
                        message: "message is larger than \(limits.maxMessageBytes) bytes; the rest of it is dropped"))
            }
            result.entries.append(
                Entry(
                    range: current.start..<stop, line: current.line, contentLine: current.contentLine,
                    hasQuotedFrom: current.quoted, hasCR: current.cr))
        }
        var lineStart = pos
        if current.start != pos {
            lineStart = current.start
            line += 1
        }
        while lineStart < end {
            let lf = buf.lineEnd(from: lineStart, to: end)
            let first = buf[lineStart]
            if first == 0x46 {  // F
                if isFromLine(buf, from: lineStart, to: lf) {
                    close(lineStart)
                    current = (min(lf + 1, end), line, line + 1, false, false)
                }
            } else if first == 0x3E {  // >
                var i = lineStart
                while i < lf && buf[i] == 0x3E { i += 1 }
                if buf.hasPrefix("From ", at: i, end: lf) {
                    current.quoted = true
                    if i - lineStart >= 2 { result.isMboxrd = true }
                }
            }
            if lf > lineStart && buf[lf - 1] == 0x0D { current.cr = true }
            lineStart = lf + 1
            line += 1
        }
        close(end)
        return result
    }

    /// git's `is_from_line`: `From `, then somewhere a `d?:dd:dd` time followed by a year above 90.
    static func isFromLine(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var to = to
        if to > from && buf[to - 1] == 0x0D { to -= 1 }
        guard to - from >= 19, buf.hasPrefix("From ", at: from, end: to) else { return false }
        // The last colon on the line, searched backwards from the end (git skips the final byte).
        var colon = to - 1
        while true {
            colon -= 1
            if colon < from + 5 { return false }
            if buf[colon] == 0x3A { break }
        }
        guard colon - 4 >= from + 5, colon + 2 < to,
            ASCII.isDigit(buf[colon - 4]), ASCII.isDigit(buf[colon - 2]), ASCII.isDigit(buf[colon - 1]),
            ASCII.isDigit(buf[colon + 1]), ASCII.isDigit(buf[colon + 2])
        else { return false }
        // strtol(colon + 3): optional blanks, optional sign, digits.
        var i = colon + 3
        while i < to && ASCII.isSpace(buf[i]) { i += 1 }
        var negative = false
        if i < to && (buf[i] == 0x2B || buf[i] == 0x2D) {
            negative = buf[i] == 0x2D
            i += 1
        }
        var year = 0
        while i < to && ASCII.isDigit(buf[i]) && year < 100_000 {
            year = year * 10 + Int(buf[i] - 0x30)
            i += 1
        }
        return !negative && year > 90
    }
}
