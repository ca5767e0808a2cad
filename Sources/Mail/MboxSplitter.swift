import Dispatch
import Foundation

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

    /// `pieces` forces the number of pieces the lines are scanned in (tests); by default one per
    /// core for large archives.
    static func split(
        _ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits, pieces: Int? = nil
    ) -> Result {
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
        // The lines are scanned in pieces on all cores (the scan is a serial pass over the whole
        // archive ahead of the parallel parse); the pieces' findings are joined in order.
        let scans = scanPieces(buf, from: lineStart, pieces: pieces ?? defaultPieces(end - lineStart))
        for scan in scans {
            current.quoted = current.quoted || scan.head.quoted
            current.cr = current.cr || scan.head.cr
            for from in scan.fromLines {
                close(from.start)
                let at = line + from.line
                current = (min(from.lineEnd + 1, end), at, at + 1, from.after.quoted, from.after.cr)
            }
            result.isMboxrd = result.isMboxrd || scan.isMboxrd
            line += scan.lines
        }
        close(end)
        return result
    }

    /// What one piece's lines say: the `From ` lines that start messages, and per stretch of
    /// lines between them whether one is a quoted `>From ` line and whether one ends in CR.
    struct PieceScan: Sendable {
        struct Flags: Sendable {
            var quoted = false
            var cr = false
        }
        struct FromLine: Sendable {
            /// Where the line starts, its LF (or the end), and its 0-based line in the piece.
            var start: Int
            var lineEnd: Int
            var line: Int
            /// The flags of the lines from this one to the next `From ` line (this one's CR too).
            var after = Flags()
        }
        /// The flags of the lines before the piece's first `From ` line.
        var head = Flags()
        var fromLines: [FromLine] = []
        var isMboxrd = false
        var lines = 0
    }

    /// Pieces for a scan of `bytes` bytes: one below the size the parse goes parallel at, else one
    /// per core (at most 8).
    static func defaultPieces(_ bytes: Int) -> Int {
        bytes < MailReader.parallelMinimumBytes ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Scans the lines from `start` to the end in `pieces` pieces, each cut at a line start.
    static func scanPieces(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, pieces: Int) -> [PieceScan] {
        let end = buf.count
        guard start < end else { return [] }
        var bounds = [start]
        for p in 1..<max(1, pieces) {
            let guess = start + (end - start) * p / pieces
            let cut = min(buf.lineEnd(from: max(guess, bounds[bounds.count - 1]), to: end) + 1, end)
            if cut > bounds[bounds.count - 1] && cut < end { bounds.append(cut) }
        }
        bounds.append(end)
        let count = bounds.count - 1
        if count == 1 { return [scanLines(buf, from: start, to: end)] }
        let results = ResultSlots<PieceScan>(count: count)
        // The buffer is only read while the pieces run.
        nonisolated(unsafe) let bytes = buf
        let cuts = bounds
        DispatchQueue.concurrentPerform(iterations: count) { k in
            results.slots[k] = scanLines(bytes, from: cuts[k], to: cuts[k + 1])
        }
        return results.collect()
    }

    /// One piece: whole lines from `from` to `to` (the last may lack its LF at the buffer's end).
    static func scanLines(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> PieceScan {
        var scan = PieceScan()
        var flags = PieceScan.Flags()
        func setFlags(_ f: PieceScan.Flags) {
            if scan.fromLines.isEmpty { scan.head = f } else { scan.fromLines[scan.fromLines.count - 1].after = f }
        }
        var lineStart = from
        var line = 0
        while lineStart < to {
            let lf = buf.lineEnd(from: lineStart, to: to)
            let first = buf[lineStart]
            if first == 0x46 {  // F
                if isFromLine(buf, from: lineStart, to: lf) {
                    setFlags(flags)
                    flags = PieceScan.Flags()
                    scan.fromLines.append(PieceScan.FromLine(start: lineStart, lineEnd: lf, line: line))
                }
            } else if first == 0x3E {  // >
                var i = lineStart
                while i < lf && buf[i] == 0x3E { i += 1 }
                if buf.hasPrefix("From ", at: i, end: lf) {
                    flags.quoted = true
                    if i - lineStart >= 2 { scan.isMboxrd = true }
                }
            }
            if lf > lineStart && buf[lf - 1] == 0x0D { flags.cr = true }
            lineStart = lf + 1
            line += 1
        }
        setFlags(flags)
        scan.lines = line
        return scan
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
