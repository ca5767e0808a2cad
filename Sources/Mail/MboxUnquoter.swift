/// Undoes mbox `From ` quoting while copying a message, and makes CRLF line ends LF in the same pass.
/// mboxrd removes one `>` from any `>+From ` line; mboxo only turns `>From ` into `From ` (so
/// `>>From ` stays, as it was written); format-patch output has no quoting at all.
enum MboxUnquoter {
    enum Mode: Sendable { case none, mboxo, mboxrd }

    static func normalised(_ buf: UnsafeBufferPointer<UInt8>, mode: Mode) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(buf.count)
        let n = buf.count
        var pos = 0
        while pos < n {
            let lf = buf.lineEnd(from: pos, to: n)
            var start = pos
            if mode != .none && buf[pos] == 0x3E {
                var i = pos
                while i < lf && buf[i] == 0x3E { i += 1 }
                if buf.hasPrefix("From ", at: i, end: lf) && (mode == .mboxrd || i - pos == 1) { start += 1 }
            }
            var stop = lf
            if stop > start && buf[stop - 1] == 0x0D { stop -= 1 }
            if stop > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<stop])) }
            if lf < n { out.append(0x0A) }
            pos = lf + 1
        }
        return out
    }
}
