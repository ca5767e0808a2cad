/// Reads an RFC 822 header block from LF-only bytes: one field per name, continuation lines unfolded
/// (the line break is removed, the folding whitespace kept, as RFC 5322 says).
struct HeaderParser {
    struct Field: Sendable {
        var name: String
        /// Unfolded, trimmed, not yet decoded.
        var value: [UInt8]
        /// Offset of the field's first byte, for diagnostics.
        var offset: Int
    }

    struct Result: Sendable {
        var fields: [Field] = []
        /// Where the body starts (after the blank line), or the end of input.
        var bodyStart: Int
        var problems: [(offset: Int, code: String, message: String)] = []
    }

    static func parse(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int, limits: ReadLimits) -> Result {
        var result = Result(bodyStart: to)
        var pos = from
        var droppedFields = 0
        var truncated = false
        while pos < to {
            let lf = buf.lineEnd(from: pos, to: to)
            let first = buf[pos]
            if lf == pos || isWhitespaceOnly(buf, pos, lf) {
                result.bodyStart = min(lf + 1, to)
                break
            }
            if ASCII.isBlank(first) {
                // A continuation line: part of the previous field, or stray whitespace before any field.
                if result.fields.isEmpty || droppedFields > 0 {
                    pos = lf + 1
                    continue
                }
                let room = limits.maxHeaderLineLength - result.fields[result.fields.count - 1].value.count
                if room > 0 {
                    let n = min(room, lf - pos)
                    // A fold's leading tab reads as a space (mailers fold with either).
                    result.fields[result.fields.count - 1].value.append(0x20)
                    if n > 1 {
                        result.fields[result.fields.count - 1].value.append(
                            contentsOf: UnsafeBufferPointer(rebasing: buf[(pos + 1)..<(pos + n)]))
                    }
                    if n < lf - pos { truncated = true }
                } else {
                    truncated = true
                }
                pos = lf + 1
                continue
            }
            guard let colon = nameEnd(buf, pos, lf) else {
                if pos == from && buf.hasPrefix("From ", at: pos, end: lf) {
                    // An mbox `From ` line left on a single message file.
                    pos = lf + 1
                    continue
                }
                result.problems.append(
                    (pos, "header.missing-colon", "header line without a colon; the body is taken to start here"))
                result.bodyStart = pos
                return finish(result, truncated: truncated, dropped: droppedFields, at: from)
            }
            if result.fields.count >= limits.maxHeaderCount {
                droppedFields += 1
                pos = lf + 1
                continue
            }
            var nameStop = colon
            while nameStop > pos && ASCII.isBlank(buf[nameStop - 1]) { nameStop -= 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: buf[pos..<nameStop]), as: UTF8.self)
            var v = colon + 1
            while v < lf && ASCII.isBlank(buf[v]) { v += 1 }
            let n = min(lf - v, limits.maxHeaderLineLength)
            if n < lf - v { truncated = true }
            result.fields.append(Field(name: name, value: Array(UnsafeBufferPointer(rebasing: buf[v..<(v + n)])), offset: pos))
            pos = lf + 1
        }
        if pos >= to { result.bodyStart = to }
        return finish(result, truncated: truncated, dropped: droppedFields, at: from)
    }

    private static func finish(_ r: Result, truncated: Bool, dropped: Int, at: Int) -> Result {
        var r = r
        for i in r.fields.indices {
            // Trailing whitespace of the unfolded value carries no meaning.
            while let last = r.fields[i].value.last, ASCII.isSpace(last) { r.fields[i].value.removeLast() }
        }
        if truncated {
            r.problems.append((at, "limit.header-length", "a header field is longer than the limit; it was cut"))
        }
        if dropped > 0 {
            r.problems.append((at, "limit.header-count", "\(dropped) header fields beyond the limit were dropped"))
        }
        return r
    }

    /// The index of the colon ending a field name (printable ASCII, optionally followed by blanks).
    @inline(__always)
    private static func nameEnd(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            let b = buf[i]
            if b == 0x3A { return i > from ? i : nil }
            if b <= 0x20 || b >= 0x7F { break }
            i += 1
        }
        let nameStop = i
        while i < to && ASCII.isBlank(buf[i]) { i += 1 }
        return i < to && buf[i] == 0x3A && nameStop > from ? i : nil
    }

    @inline(__always)
    private static func isWhitespaceOnly(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        for i in from..<to where !ASCII.isSpace(buf[i]) { return false }
        return true
    }
}
