/// Guesses an input's format from its first bytes (gzip is handled before, by its magic number).
enum FormatDetector {
    static func isGzip(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        buf.count >= 2 && buf[0] == 0x1F && buf[1] == 0x8B
    }

    /// Never `.auto` nor `.maildir` (a maildir is a folder, not bytes).
    static func detect(_ buf: UnsafeBufferPointer<UInt8>) -> InputFormat {
        let end = buf.count
        var start = 0
        // Whitespace-only lines before the first line count for nothing (git mailsplit skips them too).
        while start < end {
            let lf = buf.lineEnd(from: start, to: end)
            if !(start..<lf).allSatisfy({ ASCII.isSpace(buf[$0]) }) { break }
            start = lf + 1
        }
        guard start < end else { return .eml }
        if isPatchStart(buf, at: start) { return .patch }
        if buf.hasPrefix("From ", at: start, end: end) { return .mbox }
        // A render's first line is its subject (`Re: [PATCH] mm: x`), which reads like a header
        // field: ask the render reader first.
        if RenderReader.looksLikeRender(Array(buf.prefix(64 * 1024))) { return .render }
        // Neither mail nor render: plain text, read whole as one message body (like a bare patch).
        return looksLikeHeaderBlock(buf, from: start) ? .eml : .patch
    }

    /// Starts (after blank lines) like a diff or `git format-patch` output.
    static func startsLikePatch(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < buf.count && ASCII.isSpace(buf[start]) { start += 1 }
        return isPatchStart(buf, at: start)
    }

    /// `git format-patch` output, a `diff` line, a `--- ` file header or an `Index: ` line at `i`.
    private static func isPatchStart(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        isFormatPatchLine(buf, at: i) || buf.hasPrefix("diff ", at: i, end: buf.count)
            || buf.hasPrefix("--- ", at: i, end: buf.count) || buf.hasPrefix("Index: ", at: i, end: buf.count)
    }

    /// `From <40 hex> Mon Sep 17 00:00:00 2001`: the fixed first line of `git format-patch` output.
    static func isFormatPatchLine(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let tail = " Mon Sep 17 00:00:00 2001"
        let n = 5 + 40 + tail.utf8.count
        guard buf.count - i >= n, buf.hasPrefix("From ", at: i, end: buf.count) else { return false }
        for k in (i + 5)..<(i + 45) where !ASCII.isHex(buf[k]) { return false }
        for (k, c) in tail.utf8.enumerated() where buf[i + 45 + k] != c { return false }
        return true
    }

    /// `Name: value` lines (with continuations) up to a blank line or the end, the first line a field,
    /// at most one line in four malformed, and either two fields or one a mail header is known to have
    /// (a render starting `Re: [PATCH] ...` is one "field" otherwise). Looks at 200 lines at most.
    static func looksLikeHeaderBlock(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        let end = buf.count
        var pos = from
        var fields = 0
        var bad = 0
        var lines = 0
        var known = false
        while pos < end && lines < 200 {
            let lf = buf.lineEnd(from: pos, to: min(end, pos + 4096))
            if lf == pos || (lf == pos + 1 && buf[pos] == 0x0D) { break }
            if ASCII.isBlank(buf[pos]) {
                if fields == 0 { return false }
            } else if isFieldLine(buf, pos, lf) {
                fields += 1
                if !known { known = knownFields.contains { buf.hasPrefixIgnoringCase($0, at: pos, end: lf) } }
            } else {
                if fields == 0 { return false }
                bad += 1
            }
            lines += 1
            pos = lf + 1
        }
        return (fields > 1 || known) && bad * 4 <= fields
    }

    private static let knownFields: [StaticString] = [
        "from:", "subject:", "date:", "message-id:", "to:", "received:", "return-path:", "mime-version:",
        "content-type:", "delivered-to:", "x-", "in-reply-to:", "references:", "cc:",
    ]

    private static func isFieldLine(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to && i - from < 100 {
            let b = buf[i]
            if b == 0x3A { return i > from }
            if b <= 0x20 || b >= 0x7F { return false }
            i += 1
        }
        return false
    }
}
