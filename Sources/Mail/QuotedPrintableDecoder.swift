/// Quoted-printable (RFC 2045 §6.7) on LF-only text, leniently: `=` + line end is a soft break (also
/// with blanks between), `=XX` takes either case, and a `=` not followed by two hex digits is kept.
/// Trailing blanks are kept: for patches they are content, even if the RFC says to drop them.
enum QuotedPrintableDecoder {
    struct Output {
        var bytes: [UInt8]
        /// `=` not followed by two hex digits or a line end.
        var badEscapes: Int
    }

    /// `header: true` decodes RFC 2047 "Q" words: `_` is a space and there are no line breaks.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, header: Bool = false) -> Output {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var bad = 0
        let n = input.count
        var i = 0
        while i < n {
            // Copy the run up to the next '=' in one go.
            let eq = input.index(of: 0x3D, from: i, to: n) ?? n
            if header {
                for j in i..<eq { out.append(input[j] == 0x5F ? 0x20 : input[j]) }
            } else if eq > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<eq]))
            }
            i = eq
            guard i < n else { break }
            if i + 2 < n, let hi = ASCII.hexValue(input[i + 1]), let lo = ASCII.hexValue(input[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
                continue
            }
            // Soft line break: '=' then optional blanks then LF (or the end of the text).
            var j = i + 1
            while j < n && ASCII.isBlank(input[j]) { j += 1 }
            if j == n {
                i = n
                continue
            }
            if !header && input[j] == 0x0A {
                i = j + 1
                continue
            }
            bad += 1
            out.append(0x3D)
            i += 1
        }
        return Output(bytes: out, badEscapes: bad)
    }

    static func decode(_ input: [UInt8], header: Bool = false) -> Output {
        input.withUnsafeBufferPointer { decode($0, header: header) }
    }
}
