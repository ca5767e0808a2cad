/// Reads an RFC 822 header block from LF-only bytes: one field per name, continuation lines unfolded
/// (the line break is removed, the folding whitespace kept, as RFC 5322 says). Fields point into the
/// buffer; their text is built once, on demand, so a header costs no copies it does not need.
struct HeaderParser {
    struct Field: Sendable {
        var name: String
        /// What the reader makes of the field, from its name.
        var kind: HeaderFieldKind
        /// The raw value: from after the colon to the end of its last continuation line.
        var range: Range<Int>
        /// Offset of the field's first byte, for diagnostics.
        var offset: Int

        /// The unfolded value without surrounding whitespace, cut at `limit` bytes: UTF-8 when valid,
        /// else Latin-1. `cut` tells whether the limit was hit.
        func text(in buf: UnsafeBufferPointer<UInt8>, limit: Int) -> (text: String, wasUTF8: Bool, cut: Bool) {
            var lo = range.lowerBound
            var hi = range.upperBound
            while lo < hi && ASCII.isSpace(buf[lo]) { lo += 1 }
            while hi > lo && ASCII.isSpace(buf[hi - 1]) { hi -= 1 }
            let raw = UnsafeBufferPointer(rebasing: buf[lo..<hi])
            let folded = raw.index(of: 0x0A, from: 0, to: raw.count) != nil
            if !folded && raw.count <= limit {
                if UTF8Validator.firstInvalid(raw) == nil { return (String(decoding: raw, as: UTF8.self), true, false) }
                return (CharsetDecoder.latin1String(raw), false, false)
            }
            // Unfold: drop each LF; a fold's leading tab reads as a space (mailers fold with either).
            var bytes = [UInt8]()
            bytes.reserveCapacity(min(raw.count, limit))
            var i = 0
            while i < raw.count && bytes.count < limit {
                let b = raw[i]
                if b == 0x0A {
                    if i + 1 < raw.count && raw[i + 1] == 0x09 {
                        bytes.append(0x20)
                        i += 1
                    }
                } else {
                    bytes.append(b)
                }
                i += 1
            }
            let cut = i < raw.count
            return bytes.withUnsafeBufferPointer { b in
                UTF8Validator.firstInvalid(b) == nil
                    ? (String(decoding: b, as: UTF8.self), true, cut) : (CharsetDecoder.latin1String(b), false, cut)
            }
        }
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
        while pos < to {
            let lf = buf.lineEnd(from: pos, to: to)
            let first = buf[pos]
            if lf == pos || isWhitespaceOnly(buf, pos, lf) {
                result.bodyStart = min(lf + 1, to)
                break
            }
            if ASCII.isBlank(first) {
                // A continuation line: extends the previous field (stray whitespace before any is dropped).
                if !result.fields.isEmpty && droppedFields == 0 {
                    result.fields[result.fields.count - 1].range =
                        result.fields[result.fields.count - 1].range
                        .lowerBound..<lf
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
                return finish(result, dropped: droppedFields, at: from)
            }
            if result.fields.count >= limits.maxHeaderCount {
                droppedFields += 1
                pos = lf + 1
                continue
            }
            var nameStop = colon
            while nameStop > pos && ASCII.isBlank(buf[nameStop - 1]) { nameStop -= 1 }
            let nameBytes = UnsafeBufferPointer(rebasing: buf[pos..<nameStop])
            let name = String(decoding: nameBytes, as: UTF8.self)
            result.fields.append(
                Field(name: name, kind: HeaderFieldKind(name: nameBytes), range: (colon + 1)..<lf, offset: pos))
            pos = lf + 1
        }
        if pos >= to { result.bodyStart = to }
        return finish(result, dropped: droppedFields, at: from)
    }

    private static func finish(_ r: Result, dropped: Int, at: Int) -> Result {
        var r = r
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
